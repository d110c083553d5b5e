use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("flatten_default_axis", "Flatten", vec![r(&[2, 3, 2])]),
        Case::new("flatten_axis_negative", "Flatten", vec![r(&[2, 3, 2])]).int("axis", -1),
        Case::new("flatten_axis0", "Flatten", vec![r(&[2, 3])]).int("axis", 0),
    ]
}
