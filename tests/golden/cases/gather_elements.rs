use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let ci = |shape: &[usize], values: &[i64]| Input::ConstInt { shape: shape.to_vec(), values: values.to_vec() };
    let idx = |shape: &[usize], dtype: DType, values: &[i64]| Input::Int {
        shape: shape.to_vec(),
        dtype,
        values: values.to_vec(),
    };
    vec![
        Case::new("gather_elements_axis0", "GatherElements", vec![r(&[3, 3]), ci(&[2, 3], &[1, 2, 0, 2, 0, 0])]),
        Case::new("gather_elements_axis1_negative", "GatherElements", vec![r(&[2, 3]), ci(&[2, 2], &[-1, 0, 1, -3])])
            .int("axis", 1),
        // indices smaller than data on the other axes
        Case::new(
            "gather_elements_smaller_indices",
            "GatherElements",
            vec![r(&[3, 4, 2]), ci(&[2, 5, 1], &[0, 3, -1, 2, 1, 1, 0, -4, 3, 2])],
        )
        .int("axis", -2),
        Case::new("gather_elements_1d", "GatherElements", vec![r(&[5]), ci(&[7], &[4, 0, -5, 2, 2, 1, -1])]),
        Case::new("gather_elements_empty", "GatherElements", vec![r(&[2, 3]), ci(&[2, 0], &[])]).int("axis", 1),
        Case::new(
            "gather_elements_runtime_indices",
            "GatherElements",
            vec![r(&[2, 3]), idx(&[2, 3], DType::I64, &[1, 0, -1, 0, 1, -2])],
        ),
        Case::new(
            "gather_elements_runtime_int32",
            "GatherElements",
            vec![r(&[2, 4]), idx(&[2, 2], DType::I32, &[3, -4, 0, 2])],
        )
        .int("axis", 1),
        Case::new(
            "gather_elements_int_data",
            "GatherElements",
            vec![
                Input::Int { shape: vec![2, 2], dtype: DType::I16, values: vec![1, -2, 32767, -32768] },
                ci(&[2, 2], &[1, 1, 0, 1]),
            ],
        )
        .int("axis", 1),
        Case::new("gather_elements_opset_11", "GatherElements", vec![r(&[2, 2]), ci(&[2, 2], &[1, 0, 0, 1])]).opset(11),
        // the reference rejects these indices: the Cairo must panic
        Case::new(
            "gather_elements_index_too_large",
            "GatherElements",
            vec![r(&[3, 2]), idx(&[1, 2], DType::I64, &[1, 3])],
        ),
        Case::new(
            "gather_elements_index_too_negative",
            "GatherElements",
            vec![r(&[3, 2]), idx(&[1, 2], DType::I64, &[0, -4])],
        ),
        Case::new(
            "gather_elements_index_min",
            "GatherElements",
            vec![r(&[3, 2]), idx(&[1, 1], DType::I64, &[i64::MIN])],
        )
        .int("axis", 1),
    ]
}
