use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let ci = |values: &[i64]| Input::ConstInt { shape: vec![values.len()], values: values.to_vec() };
    vec![
        Case::new("reshape_infer", "Reshape", vec![r(&[2, 6]), ci(&[3, -1])]),
        Case::new("reshape_copy_zero", "Reshape", vec![r(&[2, 3, 2]), ci(&[0, 6])]),
    ]
}
