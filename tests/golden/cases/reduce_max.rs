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
        Case::new("reduce_max_axes_input", "ReduceMax", vec![r(&[3, 4]), axes(&[1])]),
        Case::new("reduce_max_two_axes_keepdims0", "ReduceMax", vec![r(&[2, 3, 4]), axes(&[2, 0])]).int("keepdims", 0),
        Case::new("reduce_max_negative_axis", "ReduceMax", vec![r(&[2, 3, 4]), axes(&[-2])]),
        Case::new("reduce_max_all_axes", "ReduceMax", vec![r(&[2, 3, 2])]).int("keepdims", 0),
        Case::new("reduce_max_empty_axes", "ReduceMax", vec![r(&[2, 3]), axes(&[])]),
        Case::new("reduce_max_noop", "ReduceMax", vec![r(&[2, 3])]).int("noop_with_empty_axes", 1),
        Case::new("reduce_max_noop_with_axes", "ReduceMax", vec![r(&[2, 3]), axes(&[0])])
            .int("noop_with_empty_axes", 1),
        Case::new("reduce_max_scalar", "ReduceMax", vec![Input::RealValues { shape: vec![], values: vec![-2.5] }]),
        // ties and values one ulp apart; the extremes of the stored range
        Case::new(
            "reduce_max_ties_and_ulps",
            "ReduceMax",
            vec![vals(&[1.0, 1.0 + 1.0 / 65536.0, 1.0, -1.0 - 1.0 / 65536.0, -1.0])],
        ),
        Case::new("reduce_max_range_ends", "ReduceMax", vec![vals(&[-140737488355328.0, 140737488355327.0, 0.0])]),
        // a zero-size output is fine
        Case::new("reduce_max_zero_size_output", "ReduceMax", vec![r(&[0, 3]), axes(&[1])]),
        // opset < 18: axes is an attribute
        Case::new("reduce_max_attr_axes", "ReduceMax", vec![r(&[2, 3, 4])]).opset(13).ints("axes", &[1]),
        Case::new("reduce_max_attr_all", "ReduceMax", vec![r(&[2, 3, 4])]).opset(11).int("keepdims", 0),
        Case::new("reduce_max_attr_axes_outer_inner", "ReduceMax", vec![r(&[2, 3, 4])]).opset(1).ints("axes", &[0, -1]),
        Case::new(
            "reduce_max_int32",
            "ReduceMax",
            vec![int(&[2, 3], DType::I32, &[1, -2, 3, 2147483647, -2147483648, -6]), axes(&[0])],
        ),
        Case::new("reduce_max_int8_empty_group", "ReduceMax", vec![int(&[2, 0], DType::I8, &[]), axes(&[1])]),
        Case::new("reduce_max_uint8_all", "ReduceMax", vec![int(&[4], DType::U8, &[0, 255, 17, 3])]).int("keepdims", 0),
        Case::new("reduce_max_bool", "ReduceMax", vec![int(&[2, 2], DType::Bool, &[0, 1, 0, 0]), axes(&[1])]).opset(20),
        Case::new("reduce_max_bool_empty_group", "ReduceMax", vec![int(&[2, 0], DType::Bool, &[]), axes(&[1])])
            .opset(20),
        Case::new("reduce_max_scale_32", "ReduceMax", vec![r(&[3, 4]), axes(&[1])]).scale(32),
    ]
}
