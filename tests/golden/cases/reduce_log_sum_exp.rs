use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let axes = |v: &[i64]| Input::ConstInt { shape: vec![v.len()], values: v.to_vec() };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    vec![
        // opset 18+: axes is an input
        Case::new("reduce_log_sum_exp_axes_input", "ReduceLogSumExp", vec![r(&[3, 4]), axes(&[1])]),
        Case::new("reduce_log_sum_exp_two_axes_keepdims0", "ReduceLogSumExp", vec![r(&[2, 3, 4]), axes(&[2, 0])])
            .int("keepdims", 0),
        Case::new("reduce_log_sum_exp_negative_axis", "ReduceLogSumExp", vec![r(&[2, 3, 4]), axes(&[-2])]),
        Case::new("reduce_log_sum_exp_all_axes", "ReduceLogSumExp", vec![r(&[2, 3, 2])]).int("keepdims", 0),
        Case::new("reduce_log_sum_exp_noop", "ReduceLogSumExp", vec![r(&[2, 3])]).int("noop_with_empty_axes", 1),
        // a single element is itself; ties; far-apart and very negative values
        // (the exponentials underflow to 0 but the maximum's is exactly 1)
        Case::new("reduce_log_sum_exp_single", "ReduceLogSumExp", vec![vals(&[-3.25])]),
        Case::new(
            "reduce_log_sum_exp_spread",
            "ReduceLogSumExp",
            vec![vals(&[-1000.0, 0.0, 0.0, 60.0, -140737488355328.0, 59.5])],
        ),
        Case::new("reduce_log_sum_exp_large", "ReduceLogSumExp", vec![vals(&[1.0e12, 1.0e12, -5.0])]),
        // m + ln(n) passes 2^63 ulps
        Case::new(
            "reduce_log_sum_exp_overflow",
            "ReduceLogSumExp",
            vec![vals(&[140737488355327.99, 140737488355327.99])],
        ),
        // opset < 18: axes is an attribute
        Case::new("reduce_log_sum_exp_attr_axes", "ReduceLogSumExp", vec![r(&[2, 3, 4])]).opset(13).ints("axes", &[1]),
        Case::new("reduce_log_sum_exp_attr_all", "ReduceLogSumExp", vec![r(&[2, 3, 4])]).opset(11).int("keepdims", 0),
        Case::new("reduce_log_sum_exp_scale_8", "ReduceLogSumExp", vec![r(&[3, 4]), axes(&[1])]).scale(8),
        Case::new("reduce_log_sum_exp_scale_32", "ReduceLogSumExp", vec![r(&[3, 4]), axes(&[1])]).scale(32),
    ]
}
