use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("max_pool_2d_stride2", "MaxPool", vec![r(&[1, 2, 5, 5])])
            .ints("kernel_shape", &[2, 2])
            .ints("strides", &[2, 2]),
        // the 2-D fast path (every window inside): overlapping 3×3 windows
        // with unequal strides, a batch of two, rows and columns left over
        Case::new("max_pool_inside_overlapping_batch", "MaxPool", vec![r(&[2, 3, 6, 7])])
            .ints("kernel_shape", &[3, 3])
            .ints("strides", &[2, 1]),
        // 2×2 stride 2 over all-negative values and ties
        Case::new(
            "max_pool_2x2_negative_and_ties",
            "MaxPool",
            vec![Input::RealValues {
                shape: vec![1, 2, 4, 4],
                values: (0..32).map(|v| -(((v * 7) % 5) as f64) / 2.0).collect(),
            }],
        )
        .ints("kernel_shape", &[2, 2])
        .ints("strides", &[2, 2]),
        // padding never wins (all-negative windows at the border)
        Case::new(
            "max_pool_pads_negative_values",
            "MaxPool",
            vec![Input::RealValues { shape: vec![1, 1, 3, 3], values: (1..=9).map(|v| -(v as f64) / 4.0).collect() }],
        )
        .ints("kernel_shape", &[3, 3])
        .ints("pads", &[1, 1, 1, 1]),
        Case::new("max_pool_ceil_mode", "MaxPool", vec![r(&[1, 1, 5, 5])])
            .ints("kernel_shape", &[2, 2])
            .ints("strides", &[2, 2])
            .int("ceil_mode", 1),
        // ceil_mode drops the window that would start in the right padding
        Case::new("max_pool_ceil_mode_last_window_dropped", "MaxPool", vec![r(&[1, 1, 6])])
            .ints("kernel_shape", &[2])
            .ints("strides", &[2])
            .ints("pads", &[0, 1])
            .int("ceil_mode", 1),
        Case::new("max_pool_dilations", "MaxPool", vec![r(&[1, 1, 6, 6])])
            .ints("kernel_shape", &[2, 2])
            .ints("dilations", &[2, 2]),
        Case::new("max_pool_same_upper", "MaxPool", vec![r(&[1, 1, 5, 5])])
            .ints("kernel_shape", &[3, 3])
            .ints("strides", &[2, 2])
            .string("auto_pad", "SAME_UPPER"),
        Case::new("max_pool_same_lower_1d", "MaxPool", vec![r(&[1, 2, 5])])
            .ints("kernel_shape", &[2])
            .string("auto_pad", "SAME_LOWER"),
        Case::new("max_pool_valid", "MaxPool", vec![r(&[1, 1, 4, 5])])
            .ints("kernel_shape", &[3, 2])
            .string("auto_pad", "VALID"),
        Case::new("max_pool_3d", "MaxPool", vec![r(&[1, 2, 3, 4, 4])])
            .ints("kernel_shape", &[2, 2, 2])
            .ints("strides", &[1, 2, 2]),
        Case::new("max_pool_indices_row_major", "MaxPool", vec![r(&[2, 2, 4, 4])])
            .ints("kernel_shape", &[2, 2])
            .ints("pads", &[1, 1, 0, 0])
            .ints("strides", &[2, 1])
            .outputs(2),
        Case::new("max_pool_indices_column_major", "MaxPool", vec![r(&[2, 1, 3, 4])])
            .ints("kernel_shape", &[2, 3])
            .ints("pads", &[0, 1, 1, 1])
            .int("storage_order", 1)
            .outputs(2),
        Case::new("max_pool_indices_column_major_3d", "MaxPool", vec![r(&[1, 2, 2, 3, 4])])
            .ints("kernel_shape", &[1, 2, 2])
            .ints("strides", &[1, 1, 2])
            .int("storage_order", 1)
            .outputs(2),
        // ties keep the first element in window order
        Case::new(
            "max_pool_int8_ties_indices",
            "MaxPool",
            vec![Input::Int {
                shape: vec![1, 1, 4, 4],
                dtype: DType::I8,
                values: vec![3, 3, -128, 5, 3, 1, 5, 5, -7, 127, 0, 0, 127, -7, 0, 0],
            }],
        )
        .ints("kernel_shape", &[2, 2])
        .ints("strides", &[1, 1])
        .outputs(2),
        Case::new(
            "max_pool_ties_real",
            "MaxPool",
            vec![Input::RealValues { shape: vec![1, 1, 2, 4], values: vec![1.0, 2.0, 2.0, 1.0, 2.0, 2.0, -1.0, 2.0] }],
        )
        .ints("kernel_shape", &[2, 2])
        .ints("pads", &[0, 1, 0, 1])
        .outputs(2),
    ]
}
