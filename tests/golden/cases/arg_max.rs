use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let ties = || Input::RealValues { shape: vec![2, 4], values: vec![1.0, 3.0, 3.0, -1.0, -2.0, -2.0, -5.0, -2.0] };
    vec![
        Case::new("arg_max_default", "ArgMax", vec![r(&[3, 4])]),
        Case::new("arg_max_axis1_keepdims0", "ArgMax", vec![r(&[3, 4])]).int("axis", 1).int("keepdims", 0),
        Case::new("arg_max_negative_axis", "ArgMax", vec![r(&[2, 3, 4])]).int("axis", -1),
        Case::new("arg_max_middle_axis", "ArgMax", vec![r(&[2, 3, 4])]).int("axis", 1).int("keepdims", 0),
        Case::new("arg_max_1d", "ArgMax", vec![r(&[9])]).int("keepdims", 0),
        Case::new("arg_max_ties_first", "ArgMax", vec![ties()]).int("axis", 1),
        Case::new("arg_max_ties_last", "ArgMax", vec![ties()]).int("axis", 1).int("select_last_index", 1),
        Case::new(
            "arg_max_ties_last_axis0",
            "ArgMax",
            vec![Input::RealValues { shape: vec![3, 2], values: vec![0.5, -1.0, 0.5, -1.0, 0.25, -1.0] }],
        )
        .int("select_last_index", 1),
        Case::new(
            "arg_max_negative_values",
            "ArgMax",
            vec![Input::RealValues {
                shape: vec![5],
                values: vec![-3.0, -0.5, -140737488355328.0, -0.5 - 1.0 / 65536.0, -7.0],
            }],
        ),
        Case::new(
            "arg_max_int32",
            "ArgMax",
            vec![Input::Int { shape: vec![2, 3], dtype: DType::I32, values: vec![-5, 7, 7, -1, -1, -9] }],
        )
        .int("axis", 1),
        Case::new(
            "arg_max_int32_last",
            "ArgMax",
            vec![Input::Int { shape: vec![2, 3], dtype: DType::I32, values: vec![-5, 7, 7, -1, -1, -9] }],
        )
        .int("axis", -1)
        .int("select_last_index", 1),
        Case::new("arg_max_opset_11", "ArgMax", vec![r(&[3, 2])]).opset(11).int("axis", 1),
        Case::new("arg_max_axis_of_one", "ArgMax", vec![r(&[3, 1, 2])]).int("axis", 1).int("keepdims", 0),
    ]
}
