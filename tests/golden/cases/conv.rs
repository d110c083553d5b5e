use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let x = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 4.0 };
    let w = |shape: &[usize]| Input::Weight { shape: shape.to_vec(), range: 1.0 };
    vec![
        Case::new("conv_2d_bias", "Conv", vec![x(&[1, 2, 5, 5]), w(&[3, 2, 3, 3]), w(&[3])]),
        Case::new("conv_2d_pads_strides_no_bias", "Conv", vec![x(&[1, 1, 6, 6]), w(&[2, 1, 3, 3])])
            .ints("pads", &[1, 1, 1, 1])
            .ints("strides", &[2, 2]),
        Case::new("conv_1d_dilations_batch", "Conv", vec![x(&[2, 3, 8]), w(&[4, 3, 3]), w(&[4])])
            .ints("dilations", &[2])
            .ints("pads", &[2, 1]),
        Case::new("conv_3d_bias", "Conv", vec![x(&[1, 2, 3, 4, 4]), w(&[2, 2, 2, 2, 2]), w(&[2])])
            .ints("pads", &[0, 1, 0, 1, 0, 1])
            .ints("strides", &[1, 2, 1]),
        Case::new("conv_group2", "Conv", vec![x(&[1, 4, 5, 5]), w(&[4, 2, 3, 3])]).int("group", 2),
        Case::new("conv_depthwise_bias", "Conv", vec![x(&[1, 3, 5, 5]), w(&[3, 1, 3, 3]), w(&[3])])
            .int("group", 3)
            .ints("pads", &[1, 1, 1, 1]),
        Case::new("conv_depthwise_multiplier", "Conv", vec![x(&[1, 2, 4, 4]), w(&[4, 1, 2, 2])]).int("group", 2),
        Case::new("conv_same_upper_even_kernel", "Conv", vec![x(&[1, 1, 5, 5]), w(&[1, 1, 2, 2]), w(&[1])])
            .string("auto_pad", "SAME_UPPER")
            .ints("strides", &[2, 2]),
        Case::new("conv_same_lower_even_kernel", "Conv", vec![x(&[1, 1, 5, 5]), w(&[2, 1, 2, 4])])
            .string("auto_pad", "SAME_LOWER"),
        Case::new("conv_valid", "Conv", vec![x(&[1, 2, 5, 4]), w(&[1, 2, 3, 3])]).string("auto_pad", "VALID"),
        Case::new("conv_kernel_shape_attr", "Conv", vec![x(&[1, 1, 4, 4]), w(&[2, 1, 2, 3])])
            .ints("kernel_shape", &[2, 3])
            .ints("dilations", &[2, 1]),
        // weights and bias that are runtime values (graph inputs)
        Case::new("conv_runtime_weights", "Conv", vec![x(&[1, 2, 4, 4]), x(&[2, 2, 2, 2]), x(&[2])])
            .ints("pads", &[0, 1, 1, 0]),
        Case::new("conv_scale_30", "Conv", vec![x(&[1, 1, 4, 4]), w(&[1, 1, 3, 3]), w(&[1])]).scale(30),
        // the result overflows ±2^33 at scale 30: the reference rejects it
        Case::new(
            "conv_overflow",
            "Conv",
            vec![
                Input::Real { shape: vec![1, 1, 3, 3], range: 1e6 },
                Input::Weight { shape: vec![1, 1, 3, 3], range: 1e6 },
            ],
        )
        .scale(30),
    ]
}
