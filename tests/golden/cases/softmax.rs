use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let vals = |shape: &[usize], v: &[f64]| Input::RealValues { shape: shape.to_vec(), values: v.to_vec() };
    vec![
        Case::new("softmax_last_axis", "Softmax", vec![r(&[2, 5], 4.0)]),
        Case::new("softmax_axis0", "Softmax", vec![r(&[3, 4], 4.0)]).int("axis", 0),
        Case::new("softmax_axis1_3d", "Softmax", vec![r(&[2, 3, 4], 4.0)]).int("axis", 1),
        Case::new("softmax_negative_axis", "Softmax", vec![r(&[2, 3, 4], 4.0)]).int("axis", -2),
        Case::new("softmax_1d", "Softmax", vec![r(&[7], 10.0)]),
        // opsets < 13: coerced to 2-D at axis (default 1)
        Case::new("softmax_legacy_default", "Softmax", vec![r(&[2, 3, 4], 4.0)]).opset(11),
        Case::new("softmax_legacy_axis0", "Softmax", vec![r(&[2, 3, 2], 4.0)]).opset(11).int("axis", 0),
        Case::new("softmax_legacy_axis2", "Softmax", vec![r(&[2, 2, 3], 4.0)]).opset(1).int("axis", 2),
        Case::new("softmax_legacy_negative_axis", "Softmax", vec![r(&[2, 3, 2], 4.0)]).opset(11).int("axis", -2),
        Case::new("softmax_wide_range", "Softmax", vec![r(&[3, 6], 1000.0)]),
        Case::new(
            "softmax_extremes",
            "Softmax",
            vec![vals(&[2, 3], &[-140737488355328.0, 140737488355327.0, 0.0, 5.0, 5.0, 5.0])],
        ),
        Case::new("softmax_ties", "Softmax", vec![vals(&[2, 2], &[1.0, 1.0, -3.0, -3.0])]).int("axis", 0),
        Case::new("softmax_scale_8", "Softmax", vec![r(&[2, 6], 10.0)]).scale(8),
        Case::new("softmax_scale_32", "Softmax", vec![r(&[3, 4], 10.0)]).scale(32).int("axis", 0),
        Case::new("softmax_scale_1", "Softmax", vec![r(&[5], 3.0)]).scale(1),
        Case::new("softmax_axis_of_one", "Softmax", vec![r(&[3, 1, 2], 4.0)]).int("axis", 1),
        Case::new("softmax_sweep_scale_20", "Softmax", vec![r(&[4, 8], 4194304.0)]).scale(20).int("axis", 0),
        Case::new("softmax_sweep_scale_27", "Softmax", vec![r(&[4, 16], 20.0)]).scale(27),
    ]
}
