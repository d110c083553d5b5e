use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("selu_default", "Selu", vec![r(&[4, 5], 6.0)]),
        Case::new("selu_attrs", "Selu", vec![r(&[8], 6.0)]).float("alpha", 2.0).float("gamma", 3.0),
        Case::new(
            "selu_edges",
            "Selu",
            vec![vals(&[0.0, -1.0 / 65536.0, 1.0 / 65536.0, -40.0, -1.0e9, -140737488355328.0, 1.0e9])],
        ),
        // gamma · 1.4e14 is past the range at scale 16 (±1.407e14)
        Case::new("selu_overflow", "Selu", vec![vals(&[1.4e14])]),
        Case::new("selu_opset_6", "Selu", vec![r(&[5], 4.0)]).opset(6),
        Case::new("selu_scale_32", "Selu", vec![r(&[8], 4.0)]).scale(32),
    ]
}
