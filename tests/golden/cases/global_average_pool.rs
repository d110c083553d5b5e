use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("global_average_pool_2d", "GlobalAveragePool", vec![r(&[2, 3, 4, 4])]),
        Case::new("global_average_pool_1d", "GlobalAveragePool", vec![r(&[1, 2, 5])]),
        Case::new("global_average_pool_3d", "GlobalAveragePool", vec![r(&[1, 2, 2, 3, 2])]),
        // means that land exactly on half an ulp round up (towards +inf)
        Case::new(
            "global_average_pool_half_ulp_rounding",
            "GlobalAveragePool",
            vec![Input::RealValues {
                shape: vec![1, 3, 2],
                values: [1.0, 2.0, -1.0, -2.0, 3.0, 4.0].iter().map(|v| v / 16.0).collect(),
            }],
        )
        .scale(4),
    ]
}
