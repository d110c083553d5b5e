use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    vec![
        Case::new("log_positive", "Log", vec![vals(&[1.0, 2.0, 0.5, 10.0, 1.0e-3, 1234.5, std::f64::consts::E])]),
        Case::new(
            "log_spread",
            "Log",
            vec![Input::RealValues { shape: vec![3, 4], values: (1..13).map(|i| (i * i * i) as f64 * 0.37).collect() }],
        ),
        Case::new("log_extremes", "Log", vec![vals(&[1.0 / 65536.0, 140737488355327.0])]),
        Case::new("log_of_zero", "Log", vec![vals(&[1.0, 0.0])]),
        Case::new("log_of_negative", "Log", vec![vals(&[-1.0])]),
        Case::new("log_opset_6", "Log", vec![vals(&[3.0, 0.25])]).opset(6),
        Case::new("log_scale_32", "Log", vec![vals(&[1.0 / 4294967296.0, 3.0, 1.0e9, 0.1])]).scale(32),
        Case::new("log_scale_1", "Log", vec![vals(&[0.5, 1.0, 3.0, 1.0e15])]).scale(1),
    ]
}
