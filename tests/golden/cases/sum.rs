use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    vec![
        Case::new("sum_one_input", "Sum", vec![r(&[2, 3])]),
        Case::new("sum_two_inputs", "Sum", vec![r(&[2, 3]), r(&[2, 3])]),
        Case::new("sum_three_broadcast", "Sum", vec![r(&[2, 1, 4]), r(&[3, 1]), r(&[4])]),
        Case::new("sum_weight", "Sum", vec![r(&[3, 4]), Input::Weight { shape: vec![4], range: 2.0 }]),
        Case::new("sum_opset_6", "Sum", vec![r(&[3]), r(&[3])]).opset(6),
        Case::new("sum_opset_8", "Sum", vec![r(&[2, 3]), r(&[3])]).opset(8),
        // the partial sum leaves the range, the total does not: one check at the end
        Case::new("sum_checked_once", "Sum", vec![vals(&[1.0e14, 1.0]), vals(&[1.0e14, 2.0]), vals(&[-1.4e14, 3.0])]),
        Case::new("sum_overflow", "Sum", vec![vals(&[1.0e14, 1.0]), vals(&[1.0e14, 2.0])]),
        Case::new("sum_int32", "Sum", vec![int(DType::I32, &[1, -7, 2147483000]), int(DType::I32, &[5, 9, 600])]),
        Case::new(
            "sum_int8_overflow",
            "Sum",
            vec![int(DType::I8, &[100, 1]), int(DType::I8, &[27, 1]), int(DType::I8, &[1, 1])],
        ),
        Case::new("sum_scale_32", "Sum", vec![r(&[5]), r(&[5]), r(&[1])]).scale(32),
    ]
}
