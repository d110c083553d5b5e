use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let axes = |v: &[i64]| Input::ConstInt { shape: vec![v.len()], values: v.to_vec() };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int =
        |shape: &[usize], dtype: DType, v: &[i64]| Input::Int { shape: shape.to_vec(), dtype, values: v.to_vec() };
    vec![
        // opset 18+: axes is an input
        Case::new("reduce_min_axes_input", "ReduceMin", vec![r(&[3, 4]), axes(&[1])]),
        Case::new("reduce_min_two_axes_keepdims0", "ReduceMin", vec![r(&[2, 3, 4]), axes(&[2, 0])]).int("keepdims", 0),
        Case::new("reduce_min_negative_axis", "ReduceMin", vec![r(&[2, 3, 4]), axes(&[-2])]),
        Case::new("reduce_min_all_axes", "ReduceMin", vec![r(&[2, 3, 2])]).int("keepdims", 0),
        Case::new("reduce_min_empty_axes", "ReduceMin", vec![r(&[2, 3]), axes(&[])]),
        Case::new("reduce_min_noop", "ReduceMin", vec![r(&[2, 3])]).int("noop_with_empty_axes", 1),
        Case::new("reduce_min_noop_with_axes", "ReduceMin", vec![r(&[2, 3]), axes(&[0])])
            .int("noop_with_empty_axes", 1),
        Case::new("reduce_min_scalar", "ReduceMin", vec![Input::RealValues { shape: vec![], values: vec![-2.5] }]),
        // ties and values one ulp apart; the extremes of the stored range
        Case::new(
            "reduce_min_ties_and_ulps",
            "ReduceMin",
            vec![vals(&[1.0, 1.0 + 1.0 / 65536.0, 1.0, -1.0 - 1.0 / 65536.0, -1.0])],
        ),
        Case::new("reduce_min_range_ends", "ReduceMin", vec![vals(&[-140737488355328.0, 140737488355327.0, 0.0])]),
        // a zero-size output is fine
        Case::new("reduce_min_zero_size_output", "ReduceMin", vec![r(&[0, 3]), axes(&[1])]),
        // opset < 18: axes is an attribute
        Case::new("reduce_min_attr_axes", "ReduceMin", vec![r(&[2, 3, 4])]).opset(13).ints("axes", &[1]),
        Case::new("reduce_min_attr_all", "ReduceMin", vec![r(&[2, 3, 4])]).opset(11).int("keepdims", 0),
        Case::new("reduce_min_attr_axes_outer_inner", "ReduceMin", vec![r(&[2, 3, 4])]).opset(1).ints("axes", &[0, -1]),
        Case::new(
            "reduce_min_int32",
            "ReduceMin",
            vec![int(&[2, 3], DType::I32, &[1, -2, 3, 2147483647, -2147483648, -6]), axes(&[0])],
        ),
        Case::new("reduce_min_int8_empty_group", "ReduceMin", vec![int(&[2, 0], DType::I8, &[]), axes(&[1])]),
        Case::new("reduce_min_uint8_all", "ReduceMin", vec![int(&[4], DType::U8, &[0, 255, 17, 3])]).int("keepdims", 0),
        Case::new("reduce_min_bool", "ReduceMin", vec![int(&[2, 2], DType::Bool, &[0, 1, 0, 0]), axes(&[1])]).opset(20),
        Case::new("reduce_min_bool_empty_group", "ReduceMin", vec![int(&[2, 0], DType::Bool, &[]), axes(&[1])])
            .opset(20),
        Case::new("reduce_min_scale_32", "ReduceMin", vec![r(&[3, 4]), axes(&[1])]).scale(32),
    ]
}
