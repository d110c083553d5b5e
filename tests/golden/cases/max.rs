use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    vec![
        Case::new("max_one_input", "Max", vec![r(&[2, 3])]),
        Case::new("max_two_inputs", "Max", vec![r(&[2, 3]), r(&[2, 3])]),
        Case::new("max_three_broadcast", "Max", vec![r(&[2, 1, 4]), r(&[3, 1]), r(&[4])]),
        Case::new("max_weight", "Max", vec![r(&[3, 4]), Input::Weight { shape: vec![4], range: 2.0 }]),
        Case::new("max_opset_6", "Max", vec![r(&[3]), r(&[3])]).opset(6),
        Case::new("max_opset_8", "Max", vec![r(&[2, 3]), r(&[3])]).opset(8),
        Case::new(
            "max_ties_and_extremes",
            "Max",
            vec![vals(&[1.0, -0.0, -140737488355328.0, 140737488355327.0]), vals(&[1.0, 0.0, 5.0, -5.0])],
        ),
        Case::new(
            "max_int32",
            "Max",
            vec![int(DType::I32, &[1, -7, 2147483647, -2147483648]), int(DType::I32, &[5, -9, 600, -600])],
        ),
        Case::new("max_uint8", "Max", vec![int(DType::U8, &[0, 255, 7]), int(DType::U8, &[1, 254, 7])]).opset(12),
        Case::new(
            "max_int64_broadcast",
            "Max",
            vec![
                Input::Int { shape: vec![2, 1], dtype: DType::I64, values: vec![i64::MIN, i64::MAX] },
                int(DType::I64, &[0, -3, 3]),
            ],
        ),
        Case::new("max_scale_32", "Max", vec![r(&[5]), r(&[5]), r(&[1])]).scale(32),
    ]
}
