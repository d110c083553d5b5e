use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let edges = [-2.5, -2.0, -1.5, -1.0 / 65536.0, -0.0, 0.0, 1.0 / 65536.0, 0.5, 1.0, 2.999, -140737488355328.0];
    vec![
        Case::new("floor_real", "Floor", vec![Input::Real { shape: vec![3, 4], range: 20.0 }]),
        Case::new("floor_edges", "Floor", vec![vals(&edges)]),
        Case::new("floor_opset_6", "Floor", vec![Input::Real { shape: vec![5], range: 3.0 }]).opset(6),
        Case::new("floor_scale_1", "Floor", vec![vals(&[-1.5, -0.5, 0.5, 1.5])]).scale(1),
        Case::new("floor_scale_32", "Floor", vec![Input::Real { shape: vec![6], range: 1000.0 }]).scale(32),
    ]
}
