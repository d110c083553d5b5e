use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("hard_sigmoid_default", "HardSigmoid", vec![r(&[4, 5], 5.0)]),
        Case::new("hard_sigmoid_attrs", "HardSigmoid", vec![r(&[8], 5.0)]).float("alpha", 0.5).float("beta", 0.6),
        Case::new("hard_sigmoid_negative_alpha", "HardSigmoid", vec![r(&[8], 5.0)]).float("alpha", -0.3),
        Case::new(
            "hard_sigmoid_edges",
            "HardSigmoid",
            vec![vals(&[-2.5, 2.5, 0.0, 1.0e9, -1.0e9, -140737488355328.0])],
        ),
        Case::new("hard_sigmoid_alpha_unrepresentable", "HardSigmoid", vec![vals(&[1.0])]).float("alpha", 1.0e30),
        Case::new("hard_sigmoid_opset_6", "HardSigmoid", vec![r(&[5], 4.0)]).opset(6),
        Case::new("hard_sigmoid_scale_32", "HardSigmoid", vec![r(&[8], 4.0)]).scale(32),
    ]
}
