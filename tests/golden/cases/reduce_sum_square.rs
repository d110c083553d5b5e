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
        Case::new("reduce_sum_square_axes_input", "ReduceSumSquare", vec![r(&[3, 4]), axes(&[1])]),
        Case::new("reduce_sum_square_two_axes_keepdims0", "ReduceSumSquare", vec![r(&[2, 3, 4]), axes(&[2, 0])])
            .int("keepdims", 0),
        Case::new("reduce_sum_square_negative_axis", "ReduceSumSquare", vec![r(&[2, 3, 4]), axes(&[-2])]),
        Case::new("reduce_sum_square_all_axes", "ReduceSumSquare", vec![r(&[2, 3, 2])]).int("keepdims", 0),
        Case::new("reduce_sum_square_noop", "ReduceSumSquare", vec![r(&[2, 3])]).int("noop_with_empty_axes", 1),
        // a sum over no elements is 0
        Case::new("reduce_sum_square_empty_group", "ReduceSumSquare", vec![r(&[2, 0]), axes(&[1])]),
        // rounding edges: tiny values whose terms are below one ulp, and halves
        Case::new(
            "reduce_sum_square_rounding",
            "ReduceSumSquare",
            vec![vals(&[1.0 / 65536.0, -1.0 / 65536.0, 3.0 / 131072.0, -0.5, 0.25])],
        ),
        Case::new(
            "reduce_sum_square_overflow",
            "ReduceSumSquare",
            vec![vals(&[-140737488355328.0, 140737488355327.0, 4.0e13])],
        ),
        // opset < 18: axes is an attribute
        Case::new("reduce_sum_square_attr_axes", "ReduceSumSquare", vec![r(&[2, 3, 4])]).opset(13).ints("axes", &[1]),
        Case::new("reduce_sum_square_attr_all", "ReduceSumSquare", vec![r(&[2, 3, 4])]).opset(11).int("keepdims", 0),
        Case::new(
            "reduce_sum_square_int32",
            "ReduceSumSquare",
            vec![int(&[2, 3], DType::I32, &[1, -2, 3, 40000, -5, -6]), axes(&[1])],
        ),
        Case::new("reduce_sum_square_int8_overflow", "ReduceSumSquare", vec![int(&[3], DType::I8, &[-100, 20, -9])]),
        Case::new("reduce_sum_square_uint8", "ReduceSumSquare", vec![int(&[4], DType::U8, &[0, 7, 11, 3])]),
        Case::new("reduce_sum_square_scale_32", "ReduceSumSquare", vec![r(&[3, 4]), axes(&[1])]).scale(32),
    ]
}
