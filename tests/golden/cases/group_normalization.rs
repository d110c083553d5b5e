use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let w = |shape: &[usize], range: f64| Input::Weight { shape: shape.to_vec(), range };
    vec![
        // opset 21: scale and bias per channel
        Case::new(
            "group_normalization_per_channel",
            "GroupNormalization",
            vec![r(&[2, 4, 3], 4.0), w(&[4], 1.5), w(&[4], 0.5)],
        )
        .int("num_groups", 2),
        Case::new(
            "group_normalization_one_group",
            "GroupNormalization",
            vec![r(&[1, 3, 2, 2], 4.0), w(&[3], 1.5), w(&[3], 0.5)],
        )
        .int("num_groups", 1)
        .float("epsilon", 1e-2),
        // opset 18: scale and bias per group
        Case::new(
            "group_normalization_opset_18",
            "GroupNormalization",
            vec![r(&[2, 6, 2], 4.0), w(&[3], 1.5), w(&[3], 0.5)],
        )
        .opset(18)
        .int("num_groups", 3),
    ]
}
