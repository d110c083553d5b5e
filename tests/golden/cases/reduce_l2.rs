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
        Case::new("reduce_l2_axes_input", "ReduceL2", vec![r(&[3, 4]), axes(&[1])]),
        Case::new("reduce_l2_two_axes_keepdims0", "ReduceL2", vec![r(&[2, 3, 4]), axes(&[2, 0])]).int("keepdims", 0),
        Case::new("reduce_l2_negative_axis", "ReduceL2", vec![r(&[2, 3, 4]), axes(&[-2])]),
        Case::new("reduce_l2_all_axes", "ReduceL2", vec![r(&[2, 3, 2])]).int("keepdims", 0),
        Case::new("reduce_l2_noop", "ReduceL2", vec![r(&[2, 3])]).int("noop_with_empty_axes", 1),
        // a norm over no elements is 0
        Case::new("reduce_l2_empty_group", "ReduceL2", vec![r(&[2, 0]), axes(&[1])]),
        // rounding edges: roots of 2 and 3 ulps² (1.41 -> 1, 1.73 -> 2) and an exact 5
        Case::new(
            "reduce_l2_rounding",
            "ReduceL2",
            vec![Input::RealValues {
                shape: vec![3, 3],
                values: vec![
                    1.0 / 65536.0,
                    -1.0 / 65536.0,
                    0.0,
                    1.0 / 65536.0,
                    1.0 / 65536.0,
                    -1.0 / 65536.0,
                    3.0,
                    -4.0,
                    0.0,
                ],
            }],
        )
        .ints("axes", &[1])
        .opset(13),
        // the root passes 2^63 ulps: with the sum of squares below 2^127, past
        // it (the reference's wide accumulator), and past 2^128 (Cairo's u128)
        Case::new("reduce_l2_overflow", "ReduceL2", vec![vals(&[-140737488355328.0, 140737488355327.0])]),
        Case::new("reduce_l2_overflow_wide", "ReduceL2", vec![vals(&[1.4e14, -1.4e14, 1.4e14])]),
        Case::new("reduce_l2_overflow_wider", "ReduceL2", vec![vals(&[1.4e14, -1.4e14, 1.4e14, 1.4e14, 1.4e14])]),
        // opset < 18: axes is an attribute
        Case::new("reduce_l2_attr_axes", "ReduceL2", vec![r(&[2, 3, 4])]).opset(13).ints("axes", &[1]),
        Case::new("reduce_l2_attr_all", "ReduceL2", vec![r(&[2, 3, 4])]).opset(11).int("keepdims", 0),
        // integers: the root rounded down (sqrt(5) = 2.24 -> 2, sqrt(1600000061) -> 40000)
        Case::new(
            "reduce_l2_int32",
            "ReduceL2",
            vec![int(&[2, 3], DType::I32, &[1, -2, 0, 40000, -5, -6]), axes(&[1])],
        ),
        Case::new("reduce_l2_int8_overflow", "ReduceL2", vec![int(&[3], DType::I8, &[-100, 20, -90])]),
        Case::new("reduce_l2_uint8", "ReduceL2", vec![int(&[4], DType::U8, &[0, 7, 11, 3])]),
        Case::new("reduce_l2_scale_32", "ReduceL2", vec![r(&[3, 4]), axes(&[1])]).scale(32),
    ]
}
