use crate::golden::case::{Case, Input};

/// Three classes with 2, 1 and 2 support vectors over 3 features.
fn svc(name: &str, kernel: &str, params: &[f32]) -> Case {
    Case::new(name, "SVMClassifier", vec![Input::Real { shape: vec![4, 3], range: 1.5 }])
        .ml(1)
        .outputs(2)
        .string("kernel_type", kernel)
        .floats("kernel_params", params)
        .ints("vectors_per_class", &[2, 1, 2])
        .floats("support_vectors", &[0.5, -0.2, 1.0, -0.7, 0.3, 0.1, 1.2, 0.9, -0.4, 0.0, -1.0, 0.6, -0.3, 0.8, 0.25])
        .floats("coefficients", &[0.8, -0.5, 1.0, -0.6, 0.4, 0.3, 0.7, -0.9, 0.2, -0.35])
        .floats("rho", &[0.1, -0.2, 0.05])
        .ints("classlabels_ints", &[0, 1, 2])
}

fn binary(name: &str, kernel: &str, params: &[f32]) -> Case {
    Case::new(name, "SVMClassifier", vec![Input::Real { shape: vec![4, 2], range: 1.5 }])
        .ml(1)
        .outputs(2)
        .string("kernel_type", kernel)
        .floats("kernel_params", params)
        .ints("vectors_per_class", &[2, 1])
        .floats("support_vectors", &[0.5, -0.2, -0.7, 0.3, 1.2, 0.9])
        .floats("coefficients", &[0.8, -0.5, -0.3])
        .floats("rho", &[0.15])
        .ints("classlabels_ints", &[0, 1])
}

pub fn cases() -> Vec<Case> {
    vec![
        svc("svm_classifier_rbf", "RBF", &[0.5, 0.0, 3.0]),
        svc("svm_classifier_linear", "LINEAR", &[0.0, 0.0, 0.0]),
        svc("svm_classifier_poly", "POLY", &[0.7, 0.5, 3.0]),
        svc("svm_classifier_sigmoid", "SIGMOID", &[0.4, -0.1, 0.0]),
        svc("svm_classifier_softmax", "RBF", &[0.5, 0.0, 3.0]).string("post_transform", "SOFTMAX"),
        binary("svm_classifier_binary_rbf", "RBF", &[1.0, 0.0, 3.0]),
        // no support vectors: linear scores per class
        Case::new("svm_classifier_linear_mode", "SVMClassifier", vec![Input::Real { shape: vec![4, 2], range: 1.5 }])
            .ml(1)
            .outputs(2)
            .floats("coefficients", &[0.8, -0.5, -0.3, 0.6])
            .floats("rho", &[0.15])
            .ints("classlabels_ints", &[0, 1]),
        Case::new(
            "svm_classifier_linear_mode_positive",
            "SVMClassifier",
            vec![Input::Real { shape: vec![4, 2], range: 1.5 }],
        )
        .ml(1)
        .outputs(2)
        .floats("coefficients", &[0.8, 0.5, 0.3, 0.6])
        .floats("rho", &[-0.15])
        .strings("classlabels_strings", &["a", "b"]),
    ]
}
