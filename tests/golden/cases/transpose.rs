use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("transpose_default_reverses", "Transpose", vec![r(&[2, 3, 4])]),
        Case::new("transpose_perm_3d", "Transpose", vec![r(&[2, 3, 4])]).ints("perm", &[2, 0, 1]),
        Case::new("transpose_nchw_to_nhwc", "Transpose", vec![r(&[1, 2, 3, 2])]).ints("perm", &[0, 2, 3, 1]),
        Case::new("transpose_identity_perm", "Transpose", vec![r(&[3, 2])]).ints("perm", &[0, 1]),
        Case::new("transpose_1d", "Transpose", vec![r(&[5])]),
        Case::new(
            "transpose_int32",
            "Transpose",
            vec![Input::Int { shape: vec![2, 3], dtype: DType::I32, values: vec![1, -2, 3, -4, 5, 2147483647] }],
        )
        .ints("perm", &[1, 0]),
    ]
}
