use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    let ulp = 1.0 / 65536.0;
    vec![
        Case::new("div_same_shape", "Div", vec![r(&[2, 3], 8.0), r(&[2, 3], 8.0)]),
        // one operand a single value, on either side: ties, signs, a zero divisor
        Case::new(
            "div_scalar_left",
            "Div",
            vec![vals(&[-3.0]), vals(&[2.0, -2.0, 8.0, -7.0, 0.5, 3.0 * ulp, -ulp, 1.0e-3, 6.0, 5.0])],
        ),
        Case::new("div_scalar_left_by_zero", "Div", vec![vals(&[1.0]), vals(&[2.0, 0.0])]),
        // by a constant scalar (`div_by_constant`): signs, ties, the extremes
        // of the stored range, overflow, and a zero constant (general path)
        Case::new(
            "div_by_constant_ties",
            "Div",
            vec![
                vals(&[ulp, -ulp, 3.0 * ulp, -3.0 * ulp, 5.0, -5.0, 1.0e14, 0.0, 7.0, -140737488355328.0]),
                Input::ConstReal { shape: vec![], values: vec![-2.0] },
            ],
        ),
        Case::new(
            "div_by_constant_small",
            "Div",
            vec![
                vals(&[ulp, -ulp, 2.0 * ulp, 1.0, -1.0, 3.0, -3.0]),
                Input::ConstReal { shape: vec![], values: vec![3.0 * ulp] },
            ],
        ),
        Case::new(
            "div_by_constant_overflow",
            "Div",
            vec![vals(&[1.0, -1.0e12]), Input::ConstReal { shape: vec![], values: vec![1.0e-3] }],
        ),
        Case::new(
            "div_by_constant_extremes_scale_32",
            "Div",
            vec![
                vals(&[2147483647.0, -2147483648.0, 1.0e-9, -0.5]),
                Input::ConstReal { shape: vec![1], values: vec![std::f64::consts::SQRT_2] },
            ],
        )
        .scale(32),
        Case::new(
            "div_by_constant_huge",
            "Div",
            vec![
                vals(&[1.4e14, -1.4e14, 7.0e13, -7.0e13, 1.0, 0.0]),
                Input::ConstReal { shape: vec![], values: vec![-1.4e14] },
            ],
        ),
        Case::new(
            "div_by_constant_zero",
            "Div",
            vec![vals(&[1.0]), Input::ConstReal { shape: vec![], values: vec![0.0] }],
        ),
        Case::new(
            "div_scalar_right_ties",
            "Div",
            vec![vals(&[ulp, -ulp, 3.0 * ulp, -3.0 * ulp, 5.0, -5.0, 1.0e14, 0.0, 7.0, -1.0]), vals(&[-2.0])],
        ),
        Case::new("div_broadcast", "Div", vec![r(&[2, 1, 3], 8.0), r(&[4, 1], 3.0)]),
        Case::new(
            "div_negative_divisors",
            "Div",
            vec![vals(&[1.0, -1.0, 7.5, -7.5, 0.0, 3.0]), vals(&[-3.0, -3.0, -2.0, -4.0, -1.0, -0.125])],
        ),
        // 0.5 ulp rounds up to 1, -0.5 ulp up to 0; thirds of an ulp
        Case::new(
            "div_rounds_half_up",
            "Div",
            vec![vals(&[ulp, -ulp, ulp, -ulp, 2.0 * ulp, -2.0 * ulp]), vals(&[2.0, 2.0, -2.0, -2.0, 3.0, 3.0])],
        ),
        Case::new("div_by_weight", "Div", vec![r(&[3, 2], 5.0), Input::Weight { shape: vec![2], range: 1.0 }]),
        Case::new("div_by_zero", "Div", vec![vals(&[1.0, 2.0]), vals(&[1.0, 0.0])]),
        Case::new("div_zero_by_zero", "Div", vec![vals(&[0.0]), vals(&[0.0])]),
        Case::new("div_overflow", "Div", vec![vals(&[1.0e12]), vals(&[1.0e-3])]),
        Case::new("div_large_ok", "Div", vec![vals(&[1.0e14, -1.0e14, -140737488355328.0]), vals(&[-1.5, 2.0, 1.0])]),
        Case::new(
            "div_int32_truncates",
            "Div",
            vec![int(DType::I32, &[7, -7, 7, -7, 1, -1, 2147483647]), int(DType::I32, &[2, 2, -2, -2, 3, 3, -1])],
        ),
        Case::new("div_int8_overflow", "Div", vec![int(DType::I8, &[-128]), int(DType::I8, &[-1])]),
        Case::new("div_int_by_zero", "Div", vec![int(DType::I64, &[5, 6]), int(DType::I64, &[1, 0])]),
        Case::new("div_scale_32", "Div", vec![r(&[6], 50.0), r(&[6], 50.0)]).scale(32),
        Case::new("div_scale_4", "Div", vec![r(&[6], 50.0), r(&[6], 50.0)]).scale(4),
    ]
}
