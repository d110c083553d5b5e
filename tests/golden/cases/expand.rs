use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let shape = |v: &[i64]| Input::ConstInt { shape: vec![v.len()], values: v.to_vec() };
    vec![
        Case::new("expand_dim_changed", "Expand", vec![r(&[3, 1]), shape(&[2, 1, 6])]),
        // a 1 in `shape` keeps the input's dimension: the output is larger than `shape`
        Case::new("expand_dim_unchanged", "Expand", vec![r(&[3, 1]), shape(&[3, 4])]),
        Case::new("expand_shape_smaller_rank", "Expand", vec![r(&[2, 3]), shape(&[1, 1])]),
        Case::new(
            "expand_scalar",
            "Expand",
            vec![Input::RealValues { shape: vec![], values: vec![-2.25] }, shape(&[2, 2])],
        ),
        Case::new(
            "expand_int64",
            "Expand",
            vec![Input::Int { shape: vec![1, 2], dtype: DType::I64, values: vec![i64::MIN, i64::MAX] }, shape(&[3, 2])],
        ),
        Case::new("expand_to_zero_size", "Expand", vec![r(&[1, 3]), shape(&[0, 3])]),
        Case::new("expand_opset_8", "Expand", vec![r(&[4]), shape(&[2, 4])]).opset(8),
    ]
}
