use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    vec![
        Case::new("leaky_relu_default", "LeakyRelu", vec![r(&[3, 5], 8.0)]),
        Case::new("leaky_relu_alpha", "LeakyRelu", vec![r(&[2, 6], 8.0)]).float("alpha", 0.2),
        Case::new("leaky_relu_negative_alpha", "LeakyRelu", vec![r(&[8], 8.0)]).float("alpha", -1.75),
        Case::new("leaky_relu_opset_6", "LeakyRelu", vec![r(&[8], 8.0)]).opset(6).float("alpha", 0.3),
        // rounding of the product half up: -3 ulp * 0.5 = -1.5 ulp -> -1
        Case::new(
            "leaky_relu_rounding",
            "LeakyRelu",
            vec![vals(&[-3.0 / 65536.0, -1.0 / 65536.0, -0.0, 0.0, 5.0 / 65536.0])],
        )
        .float("alpha", 0.5),
        Case::new("leaky_relu_overflow", "LeakyRelu", vec![vals(&[1.0, -1.0e9])]).float("alpha", 1.0e6),
        Case::new("leaky_relu_alpha_unrepresentable", "LeakyRelu", vec![vals(&[1.0, -1.0])]).float("alpha", 1.0e30),
        // an alpha that cannot be quantized is only needed for negative inputs
        Case::new("leaky_relu_alpha_unused", "LeakyRelu", vec![vals(&[1.0, 0.0, 2.5])]).float("alpha", 1.0e30),
        Case::new("leaky_relu_scale_8", "LeakyRelu", vec![r(&[8], 100.0)]).scale(8),
        Case::new("leaky_relu_scale_32", "LeakyRelu", vec![r(&[8], 100.0)]).scale(32).float("alpha", 0.1),
    ]
}
