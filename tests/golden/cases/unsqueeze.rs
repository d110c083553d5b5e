use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new(
            "unsqueeze_axes_input",
            "Unsqueeze",
            vec![r(&[3, 2]), Input::ConstInt { shape: vec![2], values: vec![0, 3] }],
        ),
        Case::new("unsqueeze_legacy_attr", "Unsqueeze", vec![r(&[3])]).opset(11).ints("axes", &[-1]),
    ]
}
