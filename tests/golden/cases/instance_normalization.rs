use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let w = |shape: &[usize], range: f64| Input::Weight { shape: shape.to_vec(), range };
    vec![
        Case::new(
            "instance_normalization_2d",
            "InstanceNormalization",
            vec![r(&[2, 3, 2, 3], 4.0), w(&[3], 1.5), w(&[3], 0.5)],
        ),
        Case::new(
            "instance_normalization_1d",
            "InstanceNormalization",
            vec![r(&[1, 4, 5], 4.0), w(&[4], 1.5), w(&[4], 0.5)],
        )
        .float("epsilon", 1e-3),
        Case::new(
            "instance_normalization_opset_6",
            "InstanceNormalization",
            vec![r(&[1, 2, 4], 4.0), w(&[2], 1.5), w(&[2], 0.5)],
        )
        .opset(6),
    ]
}
