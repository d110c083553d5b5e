use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let bools =
        |shape: &[usize], v: &[i64]| Input::Int { shape: shape.to_vec(), dtype: DType::Bool, values: v.to_vec() };
    vec![
        Case::new("not_1d", "Not", vec![bools(&[2], &[0, 1])]),
        Case::new("not_2d", "Not", vec![bools(&[2, 3], &[1, 0, 0, 1, 1, 0])]),
        Case::new("not_scalar", "Not", vec![bools(&[], &[1])]),
        Case::new("not_opset_1", "Not", vec![bools(&[3], &[1, 1, 0])]).opset(1),
    ]
}
