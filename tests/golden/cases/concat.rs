use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("concat_axis0", "Concat", vec![r(&[2, 3]), r(&[1, 3])]).int("axis", 0),
        Case::new(
            "concat_axis1_three_with_weight",
            "Concat",
            vec![r(&[2, 1, 2]), r(&[2, 3, 2]), Input::Weight { shape: vec![2, 2, 2], range: 1.0 }],
        )
        .int("axis", 1),
        Case::new("concat_negative_axis", "Concat", vec![r(&[2, 2]), r(&[2, 3]), r(&[2, 1])]).int("axis", -1),
        Case::new("concat_last_axis_3d", "Concat", vec![r(&[2, 2, 1]), r(&[2, 2, 2])]).int("axis", 2),
        Case::new("concat_single_input", "Concat", vec![r(&[3])]).int("axis", 0),
        Case::new(
            "concat_int64_with_const",
            "Concat",
            vec![
                Input::Int { shape: vec![3], dtype: DType::I64, values: vec![5, -9223372036854775808, 7] },
                Input::ConstInt { shape: vec![2], values: vec![-1, 9223372036854775807] },
            ],
        )
        .int("axis", 0),
        Case::new(
            "concat_int8_axis_neg2",
            "Concat",
            vec![
                Input::Int { shape: vec![1, 2], dtype: DType::I8, values: vec![-128, 127] },
                Input::Int { shape: vec![2, 2], dtype: DType::I8, values: vec![1, 2, 3, 4] },
            ],
        )
        .int("axis", -2),
    ]
}
