use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    let ulp = 1.0 / 65536.0;
    vec![
        Case::new("mul_same_shape", "Mul", vec![r(&[2, 3], 8.0), r(&[2, 3], 8.0)]),
        Case::new("mul_broadcast", "Mul", vec![r(&[2, 1, 4], 4.0), r(&[3, 1], 4.0)]),
        Case::new("mul_weight_scalar", "Mul", vec![r(&[3, 4], 8.0), Input::Weight { shape: vec![], range: 2.0 }]),
        // products of 1.5, -1.5, 2.5, -2.5, 0.5, -0.5 ulp: rounding half up
        Case::new(
            "mul_rounds_half_up",
            "Mul",
            vec![vals(&[1.5, -1.5, 2.5, -2.5, 0.5, -0.5, 1.25, -1.75]), vals(&[ulp; 8])],
        ),
        Case::new("mul_large_ok", "Mul", vec![vals(&[1.0e7, -1.0e7, 3.0e4]), vals(&[1.0e7, 1.0e7, -4.0e9])]),
        Case::new("mul_overflow", "Mul", vec![vals(&[1.0, 2.0e7]), vals(&[1.0, 1.0e7])]),
        Case::new("mul_overflow_negative", "Mul", vec![vals(&[-1.2e7]), vals(&[1.2e7])]),
        Case::new(
            "mul_int32",
            "Mul",
            vec![int(DType::I32, &[3, -7, 46340, -1]), int(DType::I32, &[-5, -9, 46340, 2147483647])],
        ),
        Case::new("mul_int16_overflow", "Mul", vec![int(DType::I16, &[200, 2]), int(DType::I16, &[200, 2])]),
        Case::new(
            "mul_int64_broadcast",
            "Mul",
            vec![int(DType::I64, &[3, -4, 1 << 31]), int(DType::I64, &[-(1 << 31)])],
        ),
        Case::new("mul_scale_32", "Mul", vec![r(&[6], 100.0), r(&[6], 100.0)]).scale(32),
        Case::new("mul_scale_8", "Mul", vec![r(&[6], 3.0), r(&[6], 3.0)]).scale(8),
    ]
}
