use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("log_softmax_default", "LogSoftmax", vec![r(&[3, 5], 8.0)]),
        Case::new("log_softmax_axis_0", "LogSoftmax", vec![r(&[3, 4], 8.0)]).int("axis", 0),
        Case::new("log_softmax_middle_axis", "LogSoftmax", vec![r(&[2, 3, 4], 8.0)]).int("axis", 1),
        Case::new("log_softmax_negative_axis", "LogSoftmax", vec![r(&[2, 3, 4], 8.0)]).int("axis", -2),
        // opset < 13 coerces to 2-D at axis (default 1)
        Case::new("log_softmax_opset_11", "LogSoftmax", vec![r(&[2, 3, 4], 8.0)]).opset(11),
        Case::new("log_softmax_opset_11_axis_2", "LogSoftmax", vec![r(&[2, 3, 4], 8.0)]).opset(11).int("axis", 2),
        Case::new("log_softmax_large", "LogSoftmax", vec![vals(&[1.0e9, 0.0, -1.0e9, 1.0e9])]),
        Case::new("log_softmax_out_of_range", "LogSoftmax", vec![vals(&[140737488355327.0, -140737488355328.0])]),
        Case::new("log_softmax_one_element", "LogSoftmax", vec![vals(&[3.5])]),
        Case::new("log_softmax_scale_32", "LogSoftmax", vec![r(&[2, 6], 4.0)]).scale(32),
    ]
}
