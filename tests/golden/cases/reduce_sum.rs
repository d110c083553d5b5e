use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let axes = |v: &[i64]| Input::ConstInt { shape: vec![v.len()], values: v.to_vec() };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    vec![
        // opset 13+: axes is an input
        Case::new("reduce_sum_axes_input", "ReduceSum", vec![r(&[3, 4]), axes(&[1])]),
        Case::new("reduce_sum_two_axes_keepdims0", "ReduceSum", vec![r(&[2, 3, 4]), axes(&[2, 0])]).int("keepdims", 0),
        Case::new("reduce_sum_negative_axis", "ReduceSum", vec![r(&[2, 3, 4]), axes(&[-2])]),
        Case::new("reduce_sum_all_axes", "ReduceSum", vec![r(&[2, 3, 2])]).int("keepdims", 0),
        Case::new("reduce_sum_all_keepdims", "ReduceSum", vec![r(&[2, 3])]).opset(13),
        Case::new("reduce_sum_empty_axes", "ReduceSum", vec![r(&[2, 3]), axes(&[])]),
        Case::new("reduce_sum_noop", "ReduceSum", vec![r(&[2, 3])]).int("noop_with_empty_axes", 1),
        Case::new("reduce_sum_noop_empty_axes", "ReduceSum", vec![r(&[2, 3]), axes(&[])])
            .int("noop_with_empty_axes", 1),
        Case::new("reduce_sum_noop_with_axes", "ReduceSum", vec![r(&[2, 3]), axes(&[0])])
            .int("noop_with_empty_axes", 1),
        Case::new("reduce_sum_scalar", "ReduceSum", vec![Input::RealValues { shape: vec![], values: vec![2.5] }]),
        Case::new("reduce_sum_zero_size", "ReduceSum", vec![r(&[2, 0]), axes(&[1])]),
        // opset < 13: axes is an attribute
        Case::new("reduce_sum_attr_axes", "ReduceSum", vec![r(&[2, 3, 4])]).opset(11).ints("axes", &[1]),
        Case::new("reduce_sum_attr_all", "ReduceSum", vec![r(&[2, 3, 4])]).opset(11).int("keepdims", 0),
        Case::new("reduce_sum_attr_axes_outer_inner", "ReduceSum", vec![r(&[2, 3, 4])]).opset(1).ints("axes", &[0, -1]),
        // exact: the partial sum leaves the range, the total does not
        Case::new("reduce_sum_exact_partials", "ReduceSum", vec![vals(&[1.0e14, 1.0e14, -1.0e14])]),
        Case::new("reduce_sum_overflow", "ReduceSum", vec![vals(&[1.0e14, 1.0e14, -1.0])]),
        Case::new(
            "reduce_sum_int32",
            "ReduceSum",
            vec![
                Input::Int { shape: vec![2, 3], dtype: DType::I32, values: vec![1, -2, 3, 2147483640, 5, -6] },
                axes(&[0]),
            ],
        ),
        Case::new(
            "reduce_sum_int8_overflow",
            "ReduceSum",
            vec![Input::Int { shape: vec![3], dtype: DType::I8, values: vec![100, 27, 1] }],
        ),
        Case::new("reduce_sum_scale_32", "ReduceSum", vec![r(&[3, 4]), axes(&[1])]).scale(32),
    ]
}
