use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    vec![
        Case::new("sqrt_real", "Sqrt", vec![vals(&[0.0, 0.25, 1.0, 2.0, 3.0, 10.0, 1234.5678, 1.0e6])]),
        Case::new(
            "sqrt_spread",
            "Sqrt",
            vec![Input::RealValues {
                shape: vec![3, 4],
                values: (0..12).map(|i| (i * i) as f64 * 3.37 + 0.013).collect(),
            }],
        ),
        // sqrt(1 ulp) = 256 ulps exactly; sqrt(2 ulps) = 362.04 -> 362; sqrt(3 ulps) = 443.4 -> 443
        Case::new("sqrt_tiny", "Sqrt", vec![vals(&[1.0 / 65536.0, 2.0 / 65536.0, 3.0 / 65536.0])]),
        Case::new("sqrt_opset_6", "Sqrt", vec![vals(&[4.0, 0.5])]).opset(6),
        Case::new("sqrt_negative", "Sqrt", vec![vals(&[4.0, -1.0 / 65536.0])]),
        Case::new("sqrt_largest", "Sqrt", vec![vals(&[140737488355327.0])]),
        Case::new("sqrt_scale_32", "Sqrt", vec![vals(&[2.0, 1.0e-9, 2147483647.0, 0.5])]).scale(32),
        Case::new("sqrt_scale_1", "Sqrt", vec![vals(&[0.5, 1.0, 2.0, 1.0e9])]).scale(1),
    ]
}
