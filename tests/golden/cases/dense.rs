//! Cases for the fast path of dense layers with constant weights
//! (transpiler/src/codegen/dense.rs); tests/golden.rs emits every case here,
//! and every Gemm/MatMul/Conv case with constant weights, with that path on.

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let x = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 3.0 };
    let w = |shape: &[usize]| Input::Weight { shape: shape.to_vec(), range: 1.0 };
    vec![
        // more inputs than one chunk function takes (128): partial sums are threaded through chunks
        Case::new("dense_gemm_wide", "Gemm", vec![x(&[1, 300]), w(&[3, 300]), w(&[3])]).int("transB", 1),
        // several output groups (6 outputs of 300 terms each, the last one short), called by the dispatcher
        Case::new("dense_gemm_groups", "Gemm", vec![x(&[2, 300]), w(&[16, 300]), w(&[16])]).int("transB", 1),
        Case::new("dense_gemm_rows", "Gemm", vec![x(&[3, 7]), w(&[7, 5]), w(&[1, 5])]).float("beta", 0.5),
        Case::new("dense_matmul_batched", "MatMul", vec![x(&[2, 3, 5]), w(&[5, 4])]),
        Case::new("dense_matmul_vector", "MatMul", vec![x(&[5]), w(&[5, 3])]),
        // packed lanes (four outputs per felt) with a Relu folded in, and inputs far beyond the
        // bound the lanes need: the run-time norm check sends them to the library's loops
        Case::new("dense_gemm_packed", "Gemm", vec![x(&[2, 12]), w(&[12, 9]), w(&[9])]),
        Case::new(
            "dense_gemm_beyond_packing_bound",
            "Gemm",
            vec![
                Input::RealValues { shape: vec![1, 6], values: vec![3.0e8, -2.5e8, 1.0e8, -4.0e8, 2.0e8, 5.0e7] },
                w(&[6, 8]),
                w(&[8]),
            ],
        ),
        Case::new("dense_conv_cnn_like", "Conv", vec![x(&[1, 1, 8, 8]), w(&[4, 1, 3, 3]), w(&[4])])
            .ints("pads", &[1, 1, 1, 1]),
        Case::new("dense_conv_groups_strides", "Conv", vec![x(&[2, 4, 5, 6]), w(&[6, 2, 2, 3])])
            .int("group", 2)
            .ints("strides", &[2, 1])
            .ints("dilations", &[1, 2])
            .ints("pads", &[0, 1, 1, 0]),
        Case::new("dense_conv_1d_same", "Conv", vec![x(&[1, 2, 9]), w(&[3, 2, 4]), w(&[3])])
            .string("auto_pad", "SAME_UPPER"),
    ]
}
