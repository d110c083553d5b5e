use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let x = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 4.0 };
    let w = |c: usize| Input::Weight { shape: vec![c], range: 2.0 };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let var = |c: usize| Input::Weight { shape: vec![c], range: 2.0 };
    vec![
        // the variance as a graph input (it must be non-negative)
        Case::new(
            "batch_normalization_nchw",
            "BatchNormalization",
            vec![x(&[2, 3, 2, 2]), w(3), w(3), w(3), vals(&[0.5, 1.0, 2.25])],
        ),
        Case::new(
            "batch_normalization_2d",
            "BatchNormalization",
            vec![x(&[4, 3]), w(3), w(3), w(3), vals(&[0.1, 3.0, 0.0])],
        ),
        Case::new(
            "batch_normalization_3d_epsilon",
            "BatchNormalization",
            vec![x(&[1, 2, 5]), w(2), w(2), w(2), vals(&[0.0, 7.5])],
        )
        .float("epsilon", 0.1),
        Case::new(
            "batch_normalization_all_inputs",
            "BatchNormalization",
            vec![x(&[2, 2, 3]), vals(&[1.5, -0.5]), vals(&[0.25, -3.0]), vals(&[1.0, -1.0]), vals(&[4.0, 0.01])],
        ),
        Case::new(
            "batch_normalization_negative_variance",
            "BatchNormalization",
            vec![x(&[1, 2, 2]), w(2), w(2), w(2), vals(&[1.0, -0.5])],
        ),
        // every parameter a weight: var + epsilon > 0 for variances in [-2, 2]
        Case::new("batch_normalization_all_weights", "BatchNormalization", vec![x(&[2, 3]), w(3), w(3), w(3), var(3)])
            .float("epsilon", 2.5),
        Case::new(
            "batch_normalization_sub_reaches_min",
            "BatchNormalization",
            vec![
                Input::RealValues { shape: vec![1, 1], values: vec![-140737488355327.0] },
                vals(&[1.0]),
                vals(&[0.0]),
                vals(&[1.0]),
                vals(&[1.0]),
            ],
        )
        .float("epsilon", 0.0),
        Case::new(
            "batch_normalization_zero_denominator",
            "BatchNormalization",
            vec![x(&[1, 2]), w(2), w(2), w(2), vals(&[1.0, 0.0])],
        )
        .float("epsilon", 0.0),
        Case::new(
            "batch_normalization_overflow",
            "BatchNormalization",
            vec![
                Input::RealValues { shape: vec![1, 1, 2], values: vec![1.0, 1.0e13] },
                vals(&[1000.0]),
                vals(&[0.0]),
                vals(&[-1.0e13]),
                vals(&[1.0]),
            ],
        ),
        Case::new(
            "batch_normalization_scale_32",
            "BatchNormalization",
            vec![x(&[2, 3]), w(3), w(3), w(3), vals(&[0.5, 1.0e-6, 2.0])],
        )
        .scale(32),
        Case::new(
            "batch_normalization_scale_8",
            "BatchNormalization",
            vec![x(&[2, 2, 2]), w(2), w(2), w(2), vals(&[0.5, 2.0])],
        )
        .scale(8),
        Case::new(
            "batch_normalization_opset_9",
            "BatchNormalization",
            vec![x(&[1, 2, 3]), w(2), w(2), w(2), vals(&[0.3, 0.7])],
        )
        .opset(9),
        Case::new(
            "batch_normalization_opset_7",
            "BatchNormalization",
            vec![x(&[1, 2, 3]), w(2), w(2), w(2), vals(&[0.3, 0.7])],
        )
        .opset(7)
        .float("momentum", 0.9),
        Case::new(
            "batch_normalization_epsilon_unrepresentable",
            "BatchNormalization",
            vec![x(&[1, 2]), w(2), w(2), w(2), vals(&[0.3, 0.7])],
        )
        .float("epsilon", 1.0e30),
    ]
}
