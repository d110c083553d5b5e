use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    vec![
        Case::new("relu_real", "Relu", vec![Input::Real { shape: vec![3, 5], range: 4.0 }]),
        Case::new(
            "relu_int64",
            "Relu",
            vec![Input::Int { shape: vec![4], dtype: DType::I64, values: vec![-3, 0, 7, -1] }],
        ),
    ]
}
