use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let ties = || Input::RealValues { shape: vec![2, 4], values: vec![1.0, -3.0, -3.0, 1.0, 2.0, 2.0, 5.0, 2.0] };
    vec![
        Case::new("arg_min_default", "ArgMin", vec![r(&[3, 4])]),
        Case::new("arg_min_axis1_keepdims0", "ArgMin", vec![r(&[3, 4])]).int("axis", 1).int("keepdims", 0),
        Case::new("arg_min_negative_axis", "ArgMin", vec![r(&[2, 3, 4])]).int("axis", -1),
        Case::new("arg_min_middle_axis", "ArgMin", vec![r(&[2, 3, 4])]).int("axis", 1).int("keepdims", 0),
        Case::new("arg_min_1d", "ArgMin", vec![r(&[9])]).int("keepdims", 0),
        Case::new("arg_min_ties_first", "ArgMin", vec![ties()]).int("axis", 1),
        Case::new("arg_min_ties_last", "ArgMin", vec![ties()]).int("axis", 1).int("select_last_index", 1),
        Case::new(
            "arg_min_ties_last_axis0",
            "ArgMin",
            vec![Input::RealValues { shape: vec![3, 2], values: vec![0.5, -1.0, 0.5, -1.0, 0.75, -1.0] }],
        )
        .int("select_last_index", 1),
        // one ulp apart, and the extremes of the stored range
        Case::new(
            "arg_min_extreme_values",
            "ArgMin",
            vec![Input::RealValues {
                shape: vec![5],
                values: vec![140737488355327.0, -0.5, -140737488355328.0, -0.5 - 1.0 / 65536.0, -7.0],
            }],
        ),
        Case::new(
            "arg_min_ulps",
            "ArgMin",
            vec![Input::RealValues { shape: vec![3], values: vec![-0.5, -0.5 - 1.0 / 65536.0, -0.5] }],
        ),
        Case::new(
            "arg_min_int32",
            "ArgMin",
            vec![Input::Int { shape: vec![2, 3], dtype: DType::I32, values: vec![5, -7, -7, 1, 1, 9] }],
        )
        .int("axis", 1),
        Case::new(
            "arg_min_int32_last",
            "ArgMin",
            vec![Input::Int { shape: vec![2, 3], dtype: DType::I32, values: vec![5, -7, -7, 1, 1, 9] }],
        )
        .int("axis", -1)
        .int("select_last_index", 1),
        Case::new(
            "arg_min_uint8",
            "ArgMin",
            vec![Input::Int { shape: vec![4], dtype: DType::U8, values: vec![200, 3, 255, 3] }],
        ),
        Case::new("arg_min_opset_11", "ArgMin", vec![r(&[3, 2])]).opset(11).int("axis", 1),
        Case::new("arg_min_axis_of_one", "ArgMin", vec![r(&[3, 1, 2])]).int("axis", 1).int("keepdims", 0),
    ]
}
