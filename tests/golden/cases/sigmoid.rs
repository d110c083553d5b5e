use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let extremes = || {
        vals(&[
            0.0,
            1.0 / 65536.0,
            -1.0 / 65536.0,
            1.0e-3,
            -1.0e-3,
            45.0,
            -45.0,
            1.0e13,
            -1.0e13,
            -140737488355328.0,
            140737488355327.0,
        ])
    };
    vec![
        Case::new("sigmoid_range_8", "Sigmoid", vec![r(&[3, 5], 8.0)]),
        Case::new("sigmoid_range_40", "Sigmoid", vec![r(&[16], 40.0)]),
        Case::new("sigmoid_extremes", "Sigmoid", vec![extremes()]),
        Case::new("sigmoid_scale_1", "Sigmoid", vec![r(&[8], 4.0)]).scale(1),
        Case::new("sigmoid_scale_8", "Sigmoid", vec![r(&[16], 20.0)]).scale(8),
        Case::new("sigmoid_scale_32", "Sigmoid", vec![r(&[16], 20.0)]).scale(32),
        Case::new(
            "sigmoid_scale_32_extremes",
            "Sigmoid",
            vec![vals(&[-2147483648.0, 2147483647.0, 1.0e-9, -1.0e-9, 0.0])],
        )
        .scale(32),
        Case::new("sigmoid_opset_6", "Sigmoid", vec![r(&[4], 3.0)]).opset(6),
        // magnitudes up to 2^(62-s)
        Case::new("sigmoid_sweep_scale_13", "Sigmoid", vec![r(&[32], 549755813888.0)]).scale(13),
        Case::new("sigmoid_sweep_scale_27", "Sigmoid", vec![r(&[32], 60.0)]).scale(27),
    ]
}
