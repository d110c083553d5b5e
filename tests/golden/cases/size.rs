use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("size_3d", "Size", vec![r(&[2, 3, 4])]),
        Case::new("size_scalar", "Size", vec![Input::RealValues { shape: vec![], values: vec![1.5] }]),
        Case::new("size_empty", "Size", vec![r(&[3, 0])]),
        Case::new("size_int_input", "Size", vec![Input::Int { shape: vec![2], dtype: DType::I8, values: vec![4, 5] }]),
        Case::new("size_opset_13", "Size", vec![r(&[5, 1])]).opset(13),
    ]
}
