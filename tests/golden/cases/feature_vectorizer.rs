use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("feature_vectorizer_two", "FeatureVectorizer", vec![r(&[2, 3], 4.0), r(&[2, 2], 4.0)])
            .ml(1)
            .ints("inputdimensions", &[3, 2]),
        // the first input cut to 2 columns, the second padded to 3
        Case::new("feature_vectorizer_cut_and_pad", "FeatureVectorizer", vec![r(&[2, 3], 4.0), r(&[2, 1], 4.0)])
            .ml(1)
            .ints("inputdimensions", &[2, 3]),
        Case::new(
            "feature_vectorizer_ints",
            "FeatureVectorizer",
            vec![Input::Int { shape: vec![2, 2], dtype: DType::I64, values: vec![1, -2, 3, 40] }, r(&[2, 1], 4.0)],
        )
        .ml(1)
        .ints("inputdimensions", &[2, 1]),
    ]
}
