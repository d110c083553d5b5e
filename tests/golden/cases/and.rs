use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let bools =
        |shape: &[usize], v: &[i64]| Input::Int { shape: shape.to_vec(), dtype: DType::Bool, values: v.to_vec() };
    vec![
        // every pair of truth values
        Case::new("and_truth_table", "And", vec![bools(&[4], &[0, 0, 1, 1]), bools(&[4], &[0, 1, 0, 1])]),
        Case::new("and_broadcast", "And", vec![bools(&[2, 1, 3], &[1, 0, 1, 0, 0, 1]), bools(&[2, 1], &[1, 0])]),
        Case::new("and_scalar", "And", vec![bools(&[2, 2], &[1, 0, 0, 1]), bools(&[], &[1])]),
        Case::new("and_opset_7", "And", vec![bools(&[3], &[1, 1, 0]), bools(&[3], &[0, 1, 0])]).opset(7),
    ]
}
