use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 4.0 };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    // 2^-20 apart: distinct as floats, one stored value at scale 16 (the
    // documented difference from float comparison); 2^-16 apart: distinct.
    let a = [1.0, -2.5, 0.0, 3.0, -0.5, 1.0, 7.25];
    let b = [1.0, -2.5 + 1.0 / 1048576.0, 0.0, 3.0 + 1.0 / 65536.0, -0.5 - 1.0 / 65536.0, -1.0, 7.0];
    vec![
        Case::new("greater_ties_and_ulps", "Greater", vec![vals(&a), vals(&b)]),
        Case::new("greater_same_shape", "Greater", vec![r(&[2, 3]), r(&[2, 3])]),
        Case::new("greater_scalar_left", "Greater", vec![vals(&[0.5]), r(&[2, 5])]),
        Case::new("greater_broadcast", "Greater", vec![r(&[2, 1, 4]), r(&[3, 1])]),
        Case::new("greater_weight_row", "Greater", vec![r(&[3, 4]), Input::Weight { shape: vec![4], range: 4.0 }]),
        Case::new(
            "greater_int32",
            "Greater",
            vec![
                int(DType::I32, &[1, -7, 2147483647, -2147483648, 5, 0]),
                int(DType::I32, &[1, 9, 2147483647, 2147483647, -5, 0]),
            ],
        ),
        Case::new(
            "greater_int64_broadcast",
            "Greater",
            vec![
                Input::Int { shape: vec![2, 3], dtype: DType::I64, values: vec![i64::MIN, -1, 0, 1, 2, i64::MAX] },
                int(DType::I64, &[0, 1, i64::MAX]),
            ],
        ),
        Case::new(
            "greater_uint8",
            "Greater",
            vec![int(DType::U8, &[0, 255, 17, 200]), int(DType::U8, &[0, 254, 18, 200])],
        ),
        Case::new("greater_opset_9", "Greater", vec![r(&[4]), r(&[4])]).opset(9),
        Case::new("greater_opset_13", "Greater", vec![r(&[4]), r(&[1])]).opset(13),
        Case::new("greater_scale_32", "Greater", vec![vals(&a), vals(&b)]).scale(32),
    ]
}
