use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let vals = |shape: &[usize], v: &[f64]| Input::RealValues { shape: shape.to_vec(), values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    vec![
        Case::new("sub_same_shape", "Sub", vec![r(&[2, 3]), r(&[2, 3])]),
        // one operand a single value: the other read in order (either side)
        Case::new("sub_scalar_left", "Sub", vec![vals(&[], &[1.5]), r(&[2, 5])]),
        Case::new("sub_int8_scalar_left_overflow", "Sub", vec![int(DType::I8, &[-100]), int(DType::I8, &[28, 29])]),
        Case::new("sub_broadcast", "Sub", vec![r(&[3, 1]), r(&[2, 1, 4])]),
        Case::new("sub_weight_row", "Sub", vec![Input::Weight { shape: vec![4], range: 2.0 }, r(&[3, 4])]),
        Case::new(
            "sub_int64",
            "Sub",
            vec![int(DType::I64, &[5, -7, 0, 1 << 40]), int(DType::I64, &[9, -7, 3, -(1 << 40)])],
        ),
        Case::new("sub_overflow", "Sub", vec![vals(&[2], &[1.0, 1.0e14]), vals(&[2], &[2.0, -1.0e14])]),
        Case::new("sub_reaches_min", "Sub", vec![vals(&[1], &[-140737488355327.0]), vals(&[1], &[1.0])]),
        Case::new("sub_int8_overflow", "Sub", vec![int(DType::I8, &[-100, 3]), int(DType::I8, &[29, 1])]),
        Case::new("sub_uint8_negative", "Sub", vec![int(DType::U8, &[3, 0]), int(DType::U8, &[2, 1])]),
        Case::new("sub_scale_32", "Sub", vec![r(&[5]), r(&[5])]).scale(32),
        Case::new("sub_scale_1", "Sub", vec![r(&[5]), r(&[1])]).scale(1),
    ]
}
