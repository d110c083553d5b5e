use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let edges = [0.0, 1.0 / 65536.0, -1.0 / 65536.0, -0.5, 0.5, -3.0, 3.0, 7.99, -7.99, 8.0, -8.0, 1.0e9, -1.0e9];
    let extremes = [-140737488355328.0, 140737488355327.0];
    vec![
        Case::new("gelu_default", "Gelu", vec![Input::Real { shape: vec![4, 5], range: 6.0 }]),
        Case::new("gelu_none", "Gelu", vec![vals(&edges)]).string("approximate", "none"),
        Case::new("gelu_extremes", "Gelu", vec![vals(&extremes)]),
        Case::new("gelu_tanh", "Gelu", vec![Input::Real { shape: vec![4, 5], range: 6.0 }])
            .string("approximate", "tanh"),
        Case::new("gelu_tanh_edges", "Gelu", vec![vals(&edges)]).string("approximate", "tanh"),
        Case::new("gelu_tanh_extremes", "Gelu", vec![vals(&extremes)]).string("approximate", "tanh"),
        Case::new("gelu_scale_8", "Gelu", vec![Input::Real { shape: vec![8], range: 4.0 }]).scale(8),
        Case::new("gelu_scale_32", "Gelu", vec![Input::Real { shape: vec![8], range: 4.0 }]).scale(32),
        Case::new("gelu_tanh_scale_8", "Gelu", vec![Input::Real { shape: vec![8], range: 4.0 }])
            .scale(8)
            .string("approximate", "tanh"),
        Case::new("gelu_tanh_scale_32", "Gelu", vec![Input::Real { shape: vec![8], range: 4.0 }])
            .scale(32)
            .string("approximate", "tanh"),
    ]
}
