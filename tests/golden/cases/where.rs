use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let bools =
        |shape: &[usize], v: &[i64]| Input::Int { shape: shape.to_vec(), dtype: DType::Bool, values: v.to_vec() };
    let int =
        |shape: &[usize], dtype: DType, v: &[i64]| Input::Int { shape: shape.to_vec(), dtype, values: v.to_vec() };
    vec![
        Case::new("where_same_shape", "Where", vec![bools(&[2, 2], &[1, 0, 0, 1]), r(&[2, 2]), r(&[2, 2])]),
        // condition, X and Y each broadcast along a different axis
        Case::new("where_broadcast_all_three", "Where", vec![bools(&[2, 1, 1], &[1, 0]), r(&[3, 1]), r(&[1, 4])]),
        Case::new(
            "where_constant_branch",
            "Where",
            vec![bools(&[5], &[0, 1, 1, 0, 1]), r(&[5]), Input::Weight { shape: vec![1], range: 2.0 }],
        ),
        Case::new(
            "where_int64",
            "Where",
            vec![
                bools(&[4], &[1, 0, 1, 0]),
                int(&[4], DType::I64, &[i64::MIN, 2, 3, 4]),
                int(&[4], DType::I64, &[-1, i64::MAX, -3, -4]),
            ],
        ),
        Case::new(
            "where_int32_scalar_condition",
            "Where",
            vec![bools(&[], &[0]), int(&[3], DType::I32, &[1, 2, 3]), int(&[1], DType::I32, &[-7])],
        ),
        Case::new(
            "where_bool_values",
            "Where",
            vec![bools(&[4], &[1, 1, 0, 0]), bools(&[4], &[0, 1, 0, 1]), bools(&[4], &[1, 1, 1, 0])],
        ),
        Case::new("where_opset_9", "Where", vec![bools(&[3], &[0, 1, 0]), r(&[3]), r(&[3])]).opset(9),
        Case::new("where_scale_32", "Where", vec![bools(&[2, 3], &[1, 0, 1, 0, 1, 0]), r(&[2, 3]), r(&[3])]).scale(32),
    ]
}
