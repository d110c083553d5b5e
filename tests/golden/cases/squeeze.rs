use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new(
            "squeeze_axes_input",
            "Squeeze",
            vec![r(&[1, 3, 1, 2]), Input::ConstInt { shape: vec![2], values: vec![0, -2] }],
        ),
        Case::new("squeeze_all_legacy", "Squeeze", vec![r(&[1, 3, 1])]).opset(11),
    ]
}
