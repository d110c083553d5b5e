use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let w = |shape: &[usize]| Input::Weight { shape: shape.to_vec(), range: 1.0 };
    let x = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 4.0 };
    vec![
        Case::new("gemm_dense_bias", "Gemm", vec![x(&[1, 20]), w(&[12, 20]), w(&[12])]).int("transB", 1),
        Case::new("gemm_no_bias", "Gemm", vec![x(&[3, 5]), w(&[5, 4])]),
        Case::new("gemm_trans_a_alpha_beta", "Gemm", vec![x(&[5, 2]), w(&[5, 3]), w(&[2, 3])])
            .int("transA", 1)
            .float("alpha", 0.75)
            .float("beta", -1.5),
        Case::new("gemm_scalar_bias_activation_b", "Gemm", vec![x(&[2, 3]), x(&[3, 2]), w(&[1])]),
        Case::new("gemm_beta_zero", "Gemm", vec![x(&[2, 3]), w(&[3, 2]), w(&[2])]).float("beta", 0.0),
    ]
}
