use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let idx = |v: &[i64]| Input::ConstInt { shape: vec![v.len()], values: v.to_vec() };
    vec![
        Case::new("array_feature_extractor_columns", "ArrayFeatureExtractor", vec![r(&[3, 5], 4.0), idx(&[4, 1, 1])])
            .ml(1),
        Case::new("array_feature_extractor_vector", "ArrayFeatureExtractor", vec![r(&[6], 4.0), idx(&[0, 5])]).ml(1),
        Case::new(
            "array_feature_extractor_ints",
            "ArrayFeatureExtractor",
            vec![Input::Int { shape: vec![2, 3], dtype: DType::I64, values: vec![1, 2, 3, 4, 5, 6] }, idx(&[2])],
        )
        .ml(1),
    ]
}
