use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    vec![
        Case::new("identity_real", "Identity", vec![Input::Real { shape: vec![2, 3], range: 8.0 }]),
        Case::new(
            "identity_int64",
            "Identity",
            vec![Input::Int { shape: vec![3], dtype: DType::I64, values: vec![i64::MIN, 0, i64::MAX] }],
        ),
    ]
}
