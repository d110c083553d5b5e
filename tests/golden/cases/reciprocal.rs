use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    vec![
        Case::new("reciprocal_real", "Reciprocal", vec![Input::Real { shape: vec![3, 4], range: 20.0 }]),
        // 1/3 and -1/3 round half up; 1/2^16 and 2^16 are exact; 1/(2^17 ulps) = 0.5 ulp rounds up
        Case::new(
            "reciprocal_rounding",
            "Reciprocal",
            vec![vals(&[3.0, -3.0, 1.0 / 65536.0, 65536.0, 131072.0, -131072.0, 0.75, -1.0])],
        ),
        Case::new("reciprocal_opset_6", "Reciprocal", vec![vals(&[4.0, -0.5])]).opset(6),
        Case::new("reciprocal_of_zero", "Reciprocal", vec![vals(&[1.0, 0.0])]),
        // 1 ulp at scale 32: 2^64 ulps
        Case::new("reciprocal_overflow", "Reciprocal", vec![vals(&[1.0 / 4294967296.0])]).scale(32),
        Case::new("reciprocal_scale_32", "Reciprocal", vec![vals(&[3.0, -7.0, 1.0e-6, 1000.0])]).scale(32),
        Case::new("reciprocal_scale_8", "Reciprocal", vec![vals(&[3.0, -7.0, 0.00390625, 300.0])]).scale(8),
    ]
}
