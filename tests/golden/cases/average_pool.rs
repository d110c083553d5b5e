use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("average_pool_2d_stride2", "AveragePool", vec![r(&[1, 2, 4, 4])])
            .ints("kernel_shape", &[2, 2])
            .ints("strides", &[2, 2]),
        // the unrolled 2×2 form: sums of every residue mod 4 (rounding half
        // up, negative ties included), an odd row and column never read, and
        // windows at the ends of the stored range
        Case::new(
            "average_pool_2x2_rounding_ties",
            "AveragePool",
            vec![Input::RealValues {
                shape: vec![1, 2, 4, 4],
                values: (0..32).map(|v| (((v * 7) % 11) - 5) as f64 / 65536.0).collect(),
            }],
        )
        .ints("kernel_shape", &[2, 2])
        .ints("strides", &[2, 2]),
        Case::new("average_pool_2x2_odd_extent", "AveragePool", vec![r(&[1, 1, 5, 5])])
            .ints("kernel_shape", &[2, 2])
            .ints("strides", &[2, 2]),
        Case::new(
            "average_pool_2x2_extremes",
            "AveragePool",
            vec![Input::RealValues {
                shape: vec![1, 1, 2, 4],
                values: vec![1.4e14, 1.4e14, -1.4e14, -1.4e14, 1.4e14, 1.4e14, -1.4e14, -1.4e14 + 1.0],
            }],
        )
        .ints("kernel_shape", &[2, 2])
        .ints("strides", &[2, 2]),
        Case::new("average_pool_pads_exclude", "AveragePool", vec![r(&[1, 1, 4, 4])])
            .ints("kernel_shape", &[3, 3])
            .ints("pads", &[1, 1, 1, 1]),
        Case::new("average_pool_pads_include", "AveragePool", vec![r(&[1, 1, 4, 4])])
            .ints("kernel_shape", &[3, 3])
            .ints("pads", &[1, 2, 1, 0])
            .int("count_include_pad", 1),
        // windows running past the padded input count only positions inside it
        Case::new("average_pool_ceil_include_pad", "AveragePool", vec![r(&[1, 1, 5, 5])])
            .ints("kernel_shape", &[2, 2])
            .ints("strides", &[2, 2])
            .ints("pads", &[1, 0, 0, 0])
            .int("ceil_mode", 1)
            .int("count_include_pad", 1),
        Case::new("average_pool_ceil_exclude_pad", "AveragePool", vec![r(&[1, 2, 5, 4])])
            .ints("kernel_shape", &[3, 2])
            .ints("strides", &[2, 3])
            .int("ceil_mode", 1),
        Case::new("average_pool_dilations_1d", "AveragePool", vec![r(&[2, 1, 7])])
            .ints("kernel_shape", &[3])
            .ints("dilations", &[2])
            .ints("pads", &[2, 2]),
        Case::new("average_pool_same_upper_include", "AveragePool", vec![r(&[1, 1, 5, 5])])
            .ints("kernel_shape", &[2, 2])
            .string("auto_pad", "SAME_UPPER")
            .int("count_include_pad", 1),
        Case::new("average_pool_same_lower_exclude", "AveragePool", vec![r(&[1, 1, 5, 5])])
            .ints("kernel_shape", &[3, 2])
            .ints("strides", &[2, 2])
            .string("auto_pad", "SAME_LOWER"),
        Case::new("average_pool_valid", "AveragePool", vec![r(&[1, 1, 5, 4])])
            .ints("kernel_shape", &[2, 3])
            .string("auto_pad", "VALID"),
        Case::new("average_pool_3d", "AveragePool", vec![r(&[1, 1, 3, 4, 4])])
            .ints("kernel_shape", &[2, 3, 2])
            .ints("pads", &[0, 1, 0, 1, 1, 1])
            .int("count_include_pad", 1),
        // means that land exactly on half an ulp round up (towards +inf)
        Case::new(
            "average_pool_half_ulp_rounding",
            "AveragePool",
            vec![Input::RealValues {
                shape: vec![1, 1, 6],
                values: [1.0, 2.0, -1.0, -2.0, 0.0, -1.0].iter().map(|v| v / 16.0).collect(),
            }],
        )
        .ints("kernel_shape", &[2])
        .scale(4),
    ]
}
