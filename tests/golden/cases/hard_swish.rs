use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("hard_swish_real", "HardSwish", vec![r(&[4, 5], 6.0)]),
        // the kinks at -3 and 3 and rounding of the rational part
        Case::new(
            "hard_swish_edges",
            "HardSwish",
            vec![vals(&[-3.0, 3.0, -3.0 + 1.0 / 65536.0, 3.0 - 1.0 / 65536.0, 0.0, 1.0, -1.0, 1.0e9, -1.0e9])],
        ),
        Case::new("hard_swish_opset_14", "HardSwish", vec![r(&[5], 4.0)]).opset(14),
        Case::new("hard_swish_scale_32", "HardSwish", vec![r(&[8], 4.0)]).scale(32),
        Case::new("hard_swish_scale_1", "HardSwish", vec![vals(&[-3.5, -1.5, -0.5, 0.5, 1.5, 2.5])]).scale(1),
    ]
}
