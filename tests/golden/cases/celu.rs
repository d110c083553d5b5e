use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("celu_default", "Celu", vec![r(&[4, 5], 6.0)]),
        Case::new("celu_alpha", "Celu", vec![r(&[8], 6.0)]).float("alpha", 2.0),
        Case::new("celu_small_alpha", "Celu", vec![r(&[8], 6.0)]).float("alpha", 0.1),
        // x / alpha far below -64: the exponent is clamped, e^z is 0
        Case::new("celu_tiny_alpha", "Celu", vec![vals(&[-1.0e9, -1.0, 0.0, 2.0])]).float("alpha", 1.0e-4),
        // alpha quantizes to 0 at scale 8: refused on every element
        Case::new("celu_alpha_quantizes_to_zero", "Celu", vec![vals(&[1.0])]).float("alpha", 1.0e-4).scale(8),
        Case::new(
            "celu_edges",
            "Celu",
            vec![vals(&[0.0, -1.0 / 65536.0, 1.0 / 65536.0, -40.0, -140737488355328.0, 1.0e9])],
        ),
        Case::new("celu_scale_32", "Celu", vec![r(&[8], 4.0)]).scale(32),
    ]
}
