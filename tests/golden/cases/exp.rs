use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    vec![
        Case::new("exp_range_4", "Exp", vec![r(&[3, 5], 4.0)]),
        Case::new("exp_range_20", "Exp", vec![r(&[16], 20.0)]),
        Case::new("exp_negative", "Exp", vec![vals(&[-8.0, -10.0, -11.5, -12.0, -20.0, -30.0, -1.0e6, -1.0e13])]),
        // the most negative stored value, -2^63
        Case::new("exp_min_value", "Exp", vec![vals(&[-140737488355328.0, 0.0, 1.0 / 65536.0, -1.0 / 65536.0])]),
        // e^32 * 2^16 is about 2^62.2: fits; e^33 does not
        Case::new("exp_near_limit", "Exp", vec![vals(&[32.0, 32.5, 32.57])]),
        Case::new("exp_overflow", "Exp", vec![vals(&[1.0, 33.0])]),
        Case::new("exp_overflow_huge", "Exp", vec![vals(&[1.0e13])]),
        Case::new("exp_scale_1", "Exp", vec![r(&[8], 20.0)]).scale(1),
        Case::new("exp_scale_8", "Exp", vec![r(&[16], 30.0)]).scale(8),
        Case::new("exp_scale_32", "Exp", vec![r(&[16], 20.0)]).scale(32),
        Case::new("exp_scale_32_overflow", "Exp", vec![vals(&[22.0])]).scale(32),
        Case::new("exp_scale_32_extremes", "Exp", vec![vals(&[-2147483648.0, 21.4, -60.0, 1.0e-9])]).scale(32),
        Case::new("exp_opset_6", "Exp", vec![r(&[4], 3.0)]).opset(6),
        // sweeps up to the overflow limit ln(2^(63-s)) at other scales
        Case::new("exp_sweep_scale_5", "Exp", vec![r(&[48], 39.0)]).scale(5),
        Case::new("exp_sweep_scale_24", "Exp", vec![r(&[48], 26.3)]).scale(24),
    ]
}
