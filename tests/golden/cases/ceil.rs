use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let edges = [-2.5, -2.0, -1.5, -1.0 / 65536.0, -0.0, 0.0, 1.0 / 65536.0, 0.5, 1.0, 2.001, -140737488355328.0];
    vec![
        Case::new("ceil_real", "Ceil", vec![Input::Real { shape: vec![3, 4], range: 20.0 }]),
        Case::new("ceil_edges", "Ceil", vec![vals(&edges)]),
        Case::new("ceil_opset_6", "Ceil", vec![Input::Real { shape: vec![5], range: 3.0 }]).opset(6),
        Case::new("ceil_scale_1", "Ceil", vec![vals(&[-1.5, -0.5, 0.5, 1.5])]).scale(1),
        Case::new("ceil_scale_32", "Ceil", vec![Input::Real { shape: vec![6], range: 1000.0 }]).scale(32),
        // q = 2^63 - 2^31 at scale 32: the ceiling is 2^63 ulps, past the range
        Case::new("ceil_overflow", "Ceil", vec![vals(&[2147483647.5])]).scale(32),
        Case::new("ceil_largest", "Ceil", vec![vals(&[2147483646.5])]).scale(32),
    ]
}
