use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("softsign_real", "Softsign", vec![r(&[4, 5], 10.0)]),
        Case::new(
            "softsign_edges",
            "Softsign",
            vec![vals(&[0.0, 1.0 / 65536.0, -1.0 / 65536.0, 1.0, -1.0, 3.0, -1.0e9])],
        ),
        Case::new("softsign_extremes", "Softsign", vec![vals(&[140737488355327.0, -140737488355328.0])]),
        Case::new("softsign_opset_1", "Softsign", vec![r(&[5], 3.0)]).opset(1),
        Case::new("softsign_scale_32", "Softsign", vec![r(&[8], 6.0)]).scale(32),
    ]
}
