use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    vec![
        Case::new("neg_real", "Neg", vec![Input::Real { shape: vec![2, 5], range: 50.0 }]),
        Case::new("neg_edges", "Neg", vec![vals(&[-1.0 / 65536.0, 0.0, 1.0 / 65536.0, -140737488355327.0])]),
        // -(-2^63) ulps leaves the range
        Case::new("neg_overflow", "Neg", vec![vals(&[-140737488355328.0])]),
        Case::new("neg_opset_6", "Neg", vec![Input::Real { shape: vec![4], range: 3.0 }]).opset(6),
        Case::new("neg_int64", "Neg", vec![int(DType::I64, &[-7, 0, 5, i64::MAX])]),
        Case::new("neg_int8", "Neg", vec![int(DType::I8, &[-127, 0, 127])]),
        Case::new("neg_int8_min_overflows", "Neg", vec![int(DType::I8, &[-128])]),
        Case::new("neg_uint8_zero", "Neg", vec![int(DType::U8, &[0, 0])]),
        Case::new("neg_uint8_overflows", "Neg", vec![int(DType::U8, &[0, 1])]),
    ]
}
