use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 4.0 };
    let w = |shape: &[usize]| Input::Weight { shape: shape.to_vec(), range: 1.0 };
    let vals = |shape: &[usize], v: &[f64]| Input::RealValues { shape: shape.to_vec(), values: v.to_vec() };
    let ct = |name: &str, inputs: Vec<Input>| Case::new(name, "ConvTranspose", inputs);
    vec![
        ct("conv_transpose_2d_default", vec![r(&[1, 1, 3, 3]), w(&[1, 2, 3, 3])]),
        ct("conv_transpose_2d_strides_pads_bias", vec![r(&[1, 2, 3, 3]), w(&[2, 3, 3, 3]), w(&[3])])
            .ints("strides", &[2, 2])
            .ints("pads", &[1, 1, 1, 1]),
        ct("conv_transpose_asymmetric_pads", vec![r(&[1, 1, 3, 4]), w(&[1, 1, 3, 2])]).ints("pads", &[0, 1, 2, 0]),
        ct("conv_transpose_output_padding", vec![r(&[1, 1, 2, 3]), w(&[1, 1, 3, 3])])
            .ints("strides", &[3, 2])
            .ints("output_padding", &[1, 1]),
        ct("conv_transpose_dilations", vec![r(&[1, 1, 3, 3]), w(&[1, 1, 2, 2])]).ints("dilations", &[2, 2]),
        ct("conv_transpose_group_2", vec![r(&[1, 4, 3, 3]), w(&[4, 1, 2, 2]), w(&[2])]).int("group", 2),
        ct("conv_transpose_group_2_strided", vec![r(&[2, 4, 2, 2]), w(&[4, 3, 3, 3])])
            .int("group", 2)
            .ints("strides", &[2, 2]),
        ct("conv_transpose_1d", vec![r(&[1, 1, 5]), w(&[1, 2, 3])]).ints("strides", &[2]),
        ct("conv_transpose_3d", vec![r(&[1, 1, 2, 2, 2]), w(&[1, 2, 2, 2, 2])]).ints("strides", &[1, 2, 1]),
        ct("conv_transpose_kernel_shape", vec![r(&[1, 1, 3, 3]), w(&[1, 1, 2, 2])]).ints("kernel_shape", &[2, 2]),
        // output_shape larger than the natural size: the extra row and column
        // read no input (zeros); pads from output_shape start at 0
        ct("conv_transpose_output_shape", vec![r(&[1, 1, 3, 3]), w(&[1, 2, 3, 3])])
            .ints("strides", &[3, 2])
            .ints("output_shape", &[10, 8]),
        ct("conv_transpose_output_shape_crop", vec![r(&[1, 1, 3, 3]), w(&[1, 1, 3, 3])])
            .ints("strides", &[2, 2])
            .ints("output_shape", &[5, 6]),
        ct("conv_transpose_same_upper", vec![r(&[1, 1, 3, 3]), w(&[1, 1, 3, 3])])
            .ints("strides", &[2, 2])
            .string("auto_pad", "SAME_UPPER"),
        ct("conv_transpose_same_lower", vec![r(&[1, 1, 3, 3]), w(&[1, 1, 2, 2])])
            .ints("strides", &[2, 2])
            .string("auto_pad", "SAME_LOWER"),
        ct("conv_transpose_same_upper_output_shape", vec![r(&[1, 1, 3]), w(&[1, 1, 4])])
            .ints("strides", &[2])
            .ints("output_shape", &[5])
            .string("auto_pad", "SAME_UPPER"),
        ct("conv_transpose_valid", vec![r(&[1, 1, 3, 3]), w(&[1, 1, 2, 2])])
            .ints("strides", &[2, 2])
            .string("auto_pad", "VALID"),
        // pads beyond the kernel's reach: the first and last inputs fall off the grid
        ct("conv_transpose_large_pads_1d", vec![r(&[1, 1, 6]), w(&[1, 1, 3])]).ints("pads", &[3, 3]),
        ct("conv_transpose_runtime_weights", vec![r(&[1, 2, 2, 2]), r(&[2, 2, 2, 2]), r(&[2])])
            .ints("strides", &[2, 1]),
        // 3 ulp × 0.5 = 1.5 ulp rounds half up to 2, -3 ulp × 0.5 to -1
        ct(
            "conv_transpose_rounding",
            vec![vals(&[1, 1, 2], &[3.0 / 65536.0, -3.0 / 65536.0]), vals(&[1, 1, 1], &[0.5])],
        ),
        ct("conv_transpose_overflow", vec![vals(&[1, 1, 2], &[3.0e9, 3.0e9]), vals(&[1, 1, 2], &[3.0e9, 3.0e9])]),
        ct("conv_transpose_opset_11", vec![r(&[1, 1, 2, 2]), w(&[1, 1, 2, 2])]).ints("strides", &[2, 2]).opset(11),
        ct("conv_transpose_opset_1", vec![r(&[1, 1, 2, 2]), w(&[1, 1, 2, 2])]).opset(1),
        ct("conv_transpose_scale_8", vec![r(&[1, 1, 2, 2]), w(&[1, 1, 2, 2])]).scale(8),
    ]
}
