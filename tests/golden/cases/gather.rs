use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let ci = |shape: &[usize], values: &[i64]| Input::ConstInt { shape: shape.to_vec(), values: values.to_vec() };
    let idx = |dtype: DType, values: &[i64]| Input::Int { shape: vec![values.len()], dtype, values: values.to_vec() };
    vec![
        Case::new("gather_axis0_negative_index", "Gather", vec![r(&[4, 3]), ci(&[2], &[3, -4])]),
        Case::new("gather_axis1_2d_indices", "Gather", vec![r(&[2, 5]), ci(&[2, 2], &[0, -1, 4, 2])]).int("axis", 1),
        Case::new("gather_scalar_index_last_axis", "Gather", vec![r(&[2, 3, 4]), ci(&[], &[-2])]).int("axis", -1),
        Case::new("gather_middle_axis_repeats", "Gather", vec![r(&[2, 3, 2]), ci(&[4], &[2, 2, 0, -3])]).int("axis", 1),
        Case::new("gather_runtime_indices", "Gather", vec![r(&[3, 2]), idx(DType::I64, &[2, -1, 0])]),
        Case::new("gather_runtime_int32_axis1", "Gather", vec![r(&[2, 4]), idx(DType::I32, &[-4, 3, 1])])
            .int("axis", 1),
        Case::new(
            "gather_int_data",
            "Gather",
            vec![
                Input::Int { shape: vec![3, 2], dtype: DType::I16, values: vec![1, -2, 300, -400, 32767, -32768] },
                idx(DType::I64, &[1, 1]),
            ],
        ),
        // the reference rejects these indices: the Cairo must panic
        Case::new("gather_runtime_index_too_large", "Gather", vec![r(&[3, 2]), idx(DType::I64, &[1, 3])]),
        Case::new("gather_runtime_index_too_negative", "Gather", vec![r(&[3, 2]), idx(DType::I64, &[0, -4])]),
        Case::new("gather_runtime_index_huge", "Gather", vec![r(&[3, 2]), idx(DType::I64, &[4294967296])]),
        Case::new("gather_runtime_index_min", "Gather", vec![r(&[3, 2]), idx(DType::I64, &[i64::MIN])]),
    ]
}
