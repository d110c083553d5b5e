use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    // grid points, the saturation at 5, and values far beyond
    let edges = [0.0, 1.0 / 65536.0, -1.0 / 65536.0, 1.0 / 32.0, 0.5, -0.5, 4.96875, 4.999, 5.0, -5.0, 1.0e9, -1.4e14];
    vec![
        Case::new("erf_real", "Erf", vec![Input::Real { shape: vec![4, 5], range: 4.0 }]),
        Case::new("erf_edges", "Erf", vec![vals(&edges)]),
        Case::new("erf_opset_9", "Erf", vec![Input::Real { shape: vec![6], range: 2.0 }]).opset(9),
        Case::new("erf_scale_8", "Erf", vec![Input::Real { shape: vec![8], range: 3.0 }]).scale(8),
        Case::new("erf_scale_32", "Erf", vec![Input::Real { shape: vec![8], range: 6.0 }]).scale(32),
        Case::new("erf_scale_1", "Erf", vec![vals(&[-1.5, -0.5, 0.5, 1.0])]).scale(1),
    ]
}
