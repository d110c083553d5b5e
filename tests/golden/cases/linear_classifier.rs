use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let three = |name: &str, post: &str| {
        Case::new(name, "LinearClassifier", vec![r(&[4, 3], 3.0)])
            .ml(1)
            .outputs(2)
            .floats("coefficients", &[0.5, -1.25, 2.0, 0.1, 0.2, -0.3, -1.0, 0.6, 0.0])
            .floats("intercepts", &[0.75, -0.5, 0.1])
            .ints("classlabels_ints", &[7, 8, 9])
            .string("post_transform", post)
    };
    vec![
        three("linear_classifier_none", "NONE"),
        three("linear_classifier_softmax", "SOFTMAX"),
        three("linear_classifier_logistic", "LOGISTIC"),
        three("linear_classifier_softmax_zero", "SOFTMAX_ZERO"),
        // Three classes with scores in (0, 1): the normal quantile of each.
        Case::new("linear_classifier_probit", "LinearClassifier", vec![r(&[4, 2], 1.0)])
            .ml(1)
            .outputs(2)
            .floats("coefficients", &[0.25, -0.125, 0.0, 0.3, -0.2, 0.2])
            .floats("intercepts", &[0.5, 0.4, 0.6])
            .ints("classlabels_ints", &[7, 8, 9])
            .string("post_transform", "PROBIT"),
        // one row of coefficients: a binary model ([1 - s, s])
        Case::new("linear_classifier_binary", "LinearClassifier", vec![r(&[4, 2], 3.0)])
            .ml(1)
            .outputs(2)
            .floats("coefficients", &[1.5, -0.75])
            .floats("intercepts", &[0.25])
            .ints("classlabels_ints", &[0, 1]),
        Case::new("linear_classifier_binary_logistic", "LinearClassifier", vec![r(&[4, 2], 3.0)])
            .ml(1)
            .outputs(2)
            .floats("coefficients", &[1.5, -0.75])
            .floats("intercepts", &[0.25])
            .ints("classlabels_ints", &[0, 1])
            .string("post_transform", "LOGISTIC")
            .string("multi_class", "0"),
        Case::new("linear_classifier_strings", "LinearClassifier", vec![r(&[2, 2], 3.0)])
            .ml(1)
            .outputs(2)
            .floats("coefficients", &[1.0, 0.0, 0.0, 1.0])
            .strings("classlabels_strings", &["low", "high"]),
    ]
}
