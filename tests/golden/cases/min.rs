use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    vec![
        Case::new("min_one_input", "Min", vec![r(&[2, 3])]),
        Case::new("min_two_inputs", "Min", vec![r(&[2, 3]), r(&[2, 3])]),
        Case::new("min_three_broadcast", "Min", vec![r(&[2, 1, 4]), r(&[3, 1]), r(&[4])]),
        Case::new("min_weight", "Min", vec![r(&[3, 4]), Input::Weight { shape: vec![4], range: 2.0 }]),
        Case::new("min_opset_6", "Min", vec![r(&[3]), r(&[3])]).opset(6),
        Case::new("min_opset_8", "Min", vec![r(&[2, 3]), r(&[3])]).opset(8),
        Case::new(
            "min_ties_and_extremes",
            "Min",
            vec![vals(&[1.0, -0.0, -140737488355328.0, 140737488355327.0]), vals(&[1.0, 0.0, 5.0, -5.0])],
        ),
        Case::new(
            "min_int32",
            "Min",
            vec![int(DType::I32, &[1, -7, 2147483647, -2147483648]), int(DType::I32, &[5, -9, 600, -600])],
        ),
        Case::new("min_uint8", "Min", vec![int(DType::U8, &[0, 255, 7]), int(DType::U8, &[1, 254, 7])]).opset(12),
        Case::new(
            "min_int64_broadcast",
            "Min",
            vec![
                Input::Int { shape: vec![2, 1], dtype: DType::I64, values: vec![i64::MIN, i64::MAX] },
                int(DType::I64, &[0, -3, 3]),
            ],
        ),
        Case::new("min_scale_32", "Min", vec![r(&[5]), r(&[5]), r(&[1])]).scale(32),
    ]
}
