use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let w = |shape: &[usize]| Input::Weight { shape: shape.to_vec(), range: 1.0 };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    vec![
        Case::new("p_relu_same_shape", "PRelu", vec![r(&[2, 3]), r(&[2, 3])]),
        Case::new("p_relu_scalar_slope", "PRelu", vec![r(&[3, 4]), w(&[1])]),
        // per-channel slope of an NCHW input
        Case::new("p_relu_channel_slope", "PRelu", vec![r(&[1, 3, 2, 2]), w(&[3, 1, 1])]),
        Case::new("p_relu_row_slope", "PRelu", vec![r(&[2, 5]), r(&[5])]),
        Case::new("p_relu_opset_7", "PRelu", vec![r(&[2, 3]), w(&[3])]).opset(7),
        Case::new("p_relu_opset_9", "PRelu", vec![r(&[2, 3]), w(&[3])]).opset(9),
        // -3 ulp * 0.5 = -1.5 ulp -> -1; -1 ulp * 0.5 -> 0
        Case::new(
            "p_relu_rounding",
            "PRelu",
            vec![vals(&[-3.0 / 65536.0, -1.0 / 65536.0, 0.0, 5.0 / 65536.0]), vals(&[0.5])],
        ),
        Case::new("p_relu_overflow", "PRelu", vec![vals(&[1.0, -1.0e9]), vals(&[1.0e6])]),
        Case::new("p_relu_int32", "PRelu", vec![int(DType::I32, &[-7, 0, 5, -1000]), int(DType::I32, &[3])]).opset(16),
        Case::new("p_relu_int8_overflow", "PRelu", vec![int(DType::I8, &[-100, 5]), int(DType::I8, &[2])]).opset(16),
        Case::new("p_relu_scale_32", "PRelu", vec![r(&[6]), r(&[6])]).scale(32),
    ]
}
