use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    let bases = [1.5, -1.5, 0.25, -3.0, 7.0, 0.0];
    vec![
        Case::new("pow_square", "Pow", vec![vals(&bases), vals(&[2.0])]),
        Case::new("pow_cube", "Pow", vec![vals(&bases), vals(&[3.0])]),
        Case::new("pow_zero", "Pow", vec![vals(&bases), vals(&[0.0])]),
        Case::new("pow_thirteen", "Pow", vec![vals(&[1.1, -1.05, 0.9, 2.0]), vals(&[13.0])]),
        Case::new("pow_minus_one", "Pow", vec![vals(&[1.5, -1.5, 0.25, -3.0, 7.0]), vals(&[-1.0])]),
        Case::new("pow_minus_two", "Pow", vec![vals(&[1.5, -1.5, 0.25, -3.0, 7.0]), vals(&[-2.0])]),
        Case::new("pow_half", "Pow", vec![vals(&[0.0, 0.25, 2.0, 10.0, 1.0e6]), vals(&[0.5])]),
        Case::new("pow_half_negative_base", "Pow", vec![vals(&[4.0, -4.0]), vals(&[0.5])]),
        Case::new(
            "pow_real_exponents",
            "Pow",
            vec![vals(&[0.5, 2.0, 3.0, 10.0, 0.01]), vals(&[1.5, -0.7, 2.5, 0.25, 0.3])],
        ),
        Case::new(
            "pow_real_seeded",
            "Pow",
            vec![
                Input::RealValues { shape: vec![2, 4], values: (1..9).map(|i| i as f64 * 0.73).collect() },
                Input::Real { shape: vec![4], range: 3.0 },
            ],
        ),
        Case::new("pow_zero_base_real_exponent", "Pow", vec![vals(&[0.0, 0.0]), vals(&[1.5, 0.25])]),
        Case::new("pow_zero_to_negative", "Pow", vec![vals(&[0.0]), vals(&[-1.5])]),
        Case::new("pow_zero_to_minus_one", "Pow", vec![vals(&[0.0]), vals(&[-1.0])]),
        Case::new("pow_negative_base_fractional", "Pow", vec![vals(&[2.0, -2.0]), vals(&[1.5])]),
        Case::new("pow_overflow_integral", "Pow", vec![vals(&[1000.0]), vals(&[6.0])]),
        Case::new("pow_overflow_real", "Pow", vec![vals(&[1000.0]), vals(&[5.5])]),
        // e^z underflows to 0 for very negative exponents
        Case::new("pow_underflow_real", "Pow", vec![vals(&[1000.0, 0.001]), vals(&[-20.5, 100.5])]),
        Case::new(
            "pow_bcast",
            "Pow",
            vec![
                Input::RealValues { shape: vec![2, 3], values: vec![1.5, 2.0, 3.0, 0.5, 4.0, 9.0] },
                vals(&[2.0, 0.5, -1.0]),
            ],
        ),
        Case::new(
            "pow_real_int64_exponent",
            "Pow",
            vec![vals(&[1.5, -2.0, 0.5, 3.0]), int(DType::I64, &[2, 3, -2, 0])],
        ),
        Case::new("pow_real_int32_negative_of_zero", "Pow", vec![vals(&[0.0]), int(DType::I32, &[-1])]),
        Case::new(
            "pow_int32_int32",
            "Pow",
            vec![int(DType::I32, &[2, -3, 5, 0, 1]), int(DType::I32, &[10, 3, 0, 4, 7])],
        ),
        Case::new(
            "pow_int64_negative_exponent",
            "Pow",
            vec![int(DType::I64, &[1, -1, -1]), int(DType::I64, &[-3, -3, -4])],
        ),
        Case::new("pow_int64_negative_exponent_refused", "Pow", vec![int(DType::I64, &[2]), int(DType::I64, &[-1])]),
        Case::new("pow_int8_overflow", "Pow", vec![int(DType::I8, &[2, 2]), int(DType::I8, &[6, 7])]),
        Case::new("pow_int32_real_exponent", "Pow", vec![int(DType::I32, &[2, -3, 7]), vals(&[3.0, 2.0, 0.0])]),
        Case::new("pow_int32_fractional_exponent", "Pow", vec![int(DType::I32, &[4]), vals(&[0.5])]),
        Case::new("pow_opset_7", "Pow", vec![vals(&[1.5, 2.0, 3.0]), vals(&[2.0, 0.5, 1.5])]).opset(7),
        Case::new("pow_opset_12", "Pow", vec![vals(&[1.5, 2.0]), int(DType::I32, &[3, -1])]).opset(12),
        Case::new("pow_scale_32", "Pow", vec![vals(&[1.5, 2.0, 3.0, 0.7]), vals(&[2.0, 0.5, 1.7, -2.3])]).scale(32),
        Case::new("pow_scale_8", "Pow", vec![vals(&[1.5, 2.0, 3.0, 0.7]), vals(&[2.0, 0.5, 1.7, -2.3])]).scale(8),
    ]
}
