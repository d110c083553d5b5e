use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let vals = |shape: &[usize], v: &[f64]| Input::RealValues { shape: shape.to_vec(), values: v.to_vec() };
    vec![
        Case::new("normalizer_max", "Normalizer", vec![r(&[3, 4], 5.0)]).ml(1).string("norm", "MAX"),
        Case::new("normalizer_l1", "Normalizer", vec![r(&[3, 4], 5.0)]).ml(1).string("norm", "L1"),
        Case::new("normalizer_l2", "Normalizer", vec![r(&[3, 4], 5.0)]).ml(1).string("norm", "L2"),
        // a row of zeros stays zeros; a negative maximum
        Case::new(
            "normalizer_zero_row",
            "Normalizer",
            vec![vals(&[3, 3], &[0.0, 0.0, 0.0, -1.0, -2.0, -4.0, 3.0, -3.0, 0.5])],
        )
        .ml(1)
        .string("norm", "MAX"),
        Case::new("normalizer_l2_zero_row", "Normalizer", vec![vals(&[2, 2], &[0.0, 0.0, 3.0, 4.0])])
            .ml(1)
            .string("norm", "L2"),
        Case::new("normalizer_vector", "Normalizer", vec![r(&[5], 5.0)]).ml(1).string("norm", "L1"),
    ]
}
