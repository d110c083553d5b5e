use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    vec![
        Case::new("abs_real", "Abs", vec![Input::Real { shape: vec![3, 4], range: 50.0 }]),
        Case::new("abs_edges", "Abs", vec![vals(&[-1.0 / 65536.0, -0.0, 0.0, 1.0 / 65536.0, -140737488355327.0])]),
        // |-2^63| ulps leaves the range
        Case::new("abs_overflow", "Abs", vec![vals(&[1.0, -140737488355328.0])]),
        Case::new("abs_opset_6", "Abs", vec![Input::Real { shape: vec![5], range: 3.0 }]).opset(6),
        Case::new("abs_int32", "Abs", vec![int(DType::I32, &[-7, 0, 5, -2147483647, 2147483647])]),
        Case::new("abs_uint8", "Abs", vec![int(DType::U8, &[0, 1, 255])]),
        Case::new("abs_int8_min_overflows", "Abs", vec![int(DType::I8, &[3, -128])]),
        Case::new("abs_scale_32", "Abs", vec![Input::Real { shape: vec![6], range: 1000.0 }]).scale(32),
    ]
}
