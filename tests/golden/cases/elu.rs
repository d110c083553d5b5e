use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("elu_default", "Elu", vec![r(&[4, 5], 6.0)]),
        Case::new("elu_alpha", "Elu", vec![r(&[8], 6.0)]).float("alpha", 2.0),
        Case::new("elu_negative_alpha", "Elu", vec![r(&[8], 6.0)]).float("alpha", -0.5),
        Case::new(
            "elu_edges",
            "Elu",
            vec![vals(&[0.0, -1.0 / 65536.0, 1.0 / 65536.0, -40.0, -1.0e9, -140737488355328.0, 1.0e9])],
        ),
        // |e^x - 1| < 1 for x < 0: Elu cannot leave the range of its alpha
        Case::new("elu_alpha_near_the_range", "Elu", vec![vals(&[-40.0, -1.0, 5.0])]).float("alpha", 1.4e14),
        Case::new("elu_alpha_unrepresentable", "Elu", vec![vals(&[1.0])]).float("alpha", 1.0e30),
        Case::new("elu_opset_6", "Elu", vec![r(&[5], 4.0)]).opset(6),
        Case::new("elu_scale_32", "Elu", vec![r(&[8], 4.0)]).scale(32),
    ]
}
