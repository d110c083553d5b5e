use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let ci = |shape: &[usize], values: &[i64]| Input::ConstInt { shape: shape.to_vec(), values: values.to_vec() };
    let idx = |shape: &[usize], values: &[i64]| Input::Int {
        shape: shape.to_vec(),
        dtype: DType::I64,
        values: values.to_vec(),
    };
    vec![
        // full tuples pick elements; shorter ones pick slabs
        Case::new("gather_nd_elements", "GatherND", vec![r(&[2, 2]), ci(&[2, 2], &[0, 0, 1, 1])]),
        Case::new("gather_nd_rows", "GatherND", vec![r(&[2, 3]), ci(&[2, 1], &[1, -2])]),
        Case::new("gather_nd_slabs_3d", "GatherND", vec![r(&[2, 3, 2]), ci(&[2, 2, 2], &[0, 1, 1, 2, -1, 0, 0, -3])]),
        // batch_dims 1 and 2
        Case::new("gather_nd_batch1", "GatherND", vec![r(&[2, 2, 3]), ci(&[2, 1], &[1, 0])]).int("batch_dims", 1),
        Case::new(
            "gather_nd_batch1_tuples",
            "GatherND",
            vec![r(&[2, 3, 2]), ci(&[2, 2, 2], &[2, 1, 0, 0, 1, 1, -1, -2])],
        )
        .int("batch_dims", 1),
        Case::new("gather_nd_batch2", "GatherND", vec![r(&[2, 2, 3]), ci(&[2, 2, 1], &[0, 2, -1, 1])])
            .int("batch_dims", 2),
        Case::new("gather_nd_runtime_indices", "GatherND", vec![r(&[3, 2]), idx(&[3, 2], &[2, 1, 0, -1, -3, 0])]),
        Case::new(
            "gather_nd_int_data",
            "GatherND",
            vec![
                Input::Int { shape: vec![2, 2], dtype: DType::I32, values: vec![5, -6, 2147483647, -2147483648] },
                ci(&[2, 1], &[1, 0]),
            ],
        ),
        Case::new("gather_nd_opset_11", "GatherND", vec![r(&[2, 2]), ci(&[1, 2], &[1, 0])]).opset(11),
        // the reference rejects these indices: the Cairo must panic
        Case::new("gather_nd_index_too_large", "GatherND", vec![r(&[3, 2]), idx(&[1, 2], &[1, 2])]),
        Case::new("gather_nd_index_too_negative", "GatherND", vec![r(&[3, 2]), idx(&[1, 1], &[-4])]),
        Case::new("gather_nd_batch_index_too_large", "GatherND", vec![r(&[2, 2]), idx(&[2, 1], &[0, 2])])
            .int("batch_dims", 1),
    ]
}
