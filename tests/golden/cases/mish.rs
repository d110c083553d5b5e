use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("mish_real", "Mish", vec![r(&[4, 5], 10.0)]),
        Case::new("mish_edges", "Mish", vec![vals(&[0.0, 1.0 / 65536.0, -1.0 / 65536.0, 40.0, -40.0, 1.0e9, -1.0e9])]),
        Case::new("mish_extremes", "Mish", vec![vals(&[140737488355327.0, -140737488355328.0])]),
        Case::new("mish_opset_18", "Mish", vec![r(&[5], 3.0)]).opset(18),
        Case::new("mish_scale_8", "Mish", vec![r(&[8], 6.0)]).scale(8),
        Case::new("mish_scale_32", "Mish", vec![r(&[8], 6.0)]).scale(32),
    ]
}
