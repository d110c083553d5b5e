use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let x = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 4.0 };
    let w = |shape: &[usize]| Input::Weight { shape: shape.to_vec(), range: 1.0 };
    vec![
        Case::new("mat_mul_2d_weight", "MatMul", vec![x(&[3, 4]), w(&[4, 5])]),
        Case::new("mat_mul_2d_runtime", "MatMul", vec![x(&[2, 3]), x(&[3, 4])]),
        Case::new("mat_mul_1d_1d", "MatMul", vec![x(&[4]), x(&[4])]),
        Case::new("mat_mul_1d_2d", "MatMul", vec![x(&[3]), x(&[3, 2])]),
        Case::new("mat_mul_2d_1d", "MatMul", vec![x(&[2, 3]), x(&[3])]),
        Case::new("mat_mul_1d_batched", "MatMul", vec![x(&[3]), x(&[2, 3, 2])]),
        Case::new("mat_mul_batched_2d_weight", "MatMul", vec![x(&[2, 3, 4]), w(&[4, 2])]),
        Case::new("mat_mul_batch_broadcast", "MatMul", vec![x(&[2, 1, 2, 3]), x(&[3, 3, 2])]),
        Case::new("mat_mul_weight_first", "MatMul", vec![w(&[2, 3]), x(&[2, 3, 2])]),
        Case::new(
            "mat_mul_int32",
            "MatMul",
            vec![
                Input::Int { shape: vec![2, 3], dtype: DType::I32, values: vec![1, -2, 3, 40000, 5, -6] },
                Input::Int { shape: vec![3, 2], dtype: DType::I32, values: vec![7, 8, -9, 10, 11, 50000] },
            ],
        ),
        // 100*100 + 100*100 does not fit int8: the reference rejects it
        Case::new(
            "mat_mul_int8_overflow",
            "MatMul",
            vec![
                Input::Int { shape: vec![1, 2], dtype: DType::I8, values: vec![100, 100] },
                Input::Int { shape: vec![2, 1], dtype: DType::I8, values: vec![100, 100] },
            ],
        ),
        Case::new("mat_mul_scale_30", "MatMul", vec![x(&[2, 3]), x(&[3, 2])]).scale(30),
        // partial sums far outside the range, the final value inside: only it is checked
        Case::new(
            "mat_mul_exact_partial_sums",
            "MatMul",
            vec![
                Input::RealValues { shape: vec![1, 3], values: vec![8e9, -8e9, 0.5] },
                Input::RealValues { shape: vec![3, 1], values: vec![8e9, 8e9, -3.0] },
            ],
        )
        .scale(30),
        // the result overflows ±2^33 at scale 30
        Case::new(
            "mat_mul_overflow",
            "MatMul",
            vec![Input::Real { shape: vec![1, 4], range: 1e5 }, Input::Real { shape: vec![4, 1], range: 1e5 }],
        )
        .scale(30),
    ]
}
