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
        Case::new("tanh_range_8", "Tanh", vec![r(&[3, 5], 8.0)]),
        Case::new("tanh_range_40", "Tanh", vec![r(&[16], 40.0)]),
        Case::new("tanh_extremes", "Tanh", vec![extremes()]),
        Case::new("tanh_scale_1", "Tanh", vec![r(&[8], 4.0)]).scale(1),
        Case::new("tanh_scale_8", "Tanh", vec![r(&[16], 20.0)]).scale(8),
        Case::new("tanh_scale_32", "Tanh", vec![r(&[16], 20.0)]).scale(32),
        Case::new("tanh_scale_32_extremes", "Tanh", vec![vals(&[-2147483648.0, 2147483647.0, 1.0e-9, -1.0e-9, 0.0])])
            .scale(32),
        Case::new("tanh_opset_6", "Tanh", vec![r(&[4], 3.0)]).opset(6),
        // magnitudes up to 2^(62-s)
        Case::new("tanh_sweep_scale_13", "Tanh", vec![r(&[32], 549755813888.0)]).scale(13),
        Case::new("tanh_sweep_scale_27", "Tanh", vec![r(&[32], 30.0)]).scale(27),
    ]
}
