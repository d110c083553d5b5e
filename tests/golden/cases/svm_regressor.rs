use crate::golden::case::{Case, Input};

fn regressor(name: &str, kernel: &str, params: &[f32]) -> Case {
    Case::new(name, "SVMRegressor", vec![Input::Real { shape: vec![4, 3], range: 1.5 }])
        .ml(1)
        .string("kernel_type", kernel)
        .floats("kernel_params", params)
        .int("n_supports", 3)
        .floats("support_vectors", &[0.5, -0.2, 1.0, -0.7, 0.3, 0.1, 1.2, 0.9, -0.4])
        .floats("coefficients", &[0.8, -0.5, 1.0])
        .floats("rho", &[0.1])
}

pub fn cases() -> Vec<Case> {
    vec![
        regressor("svm_regressor_rbf", "RBF", &[0.5, 0.0, 3.0]),
        regressor("svm_regressor_poly", "POLY", &[0.7, 0.5, 2.0]),
        regressor("svm_regressor_sigmoid", "SIGMOID", &[0.4, -0.1, 0.0]),
        regressor("svm_regressor_one_class", "RBF", &[0.5, 0.0, 3.0]).int("one_class", 1),
        Case::new("svm_regressor_linear_mode", "SVMRegressor", vec![Input::Real { shape: vec![3, 2], range: 1.5 }])
            .ml(1)
            .floats("coefficients", &[0.8, -0.5])
            .floats("rho", &[0.25]),
    ]
}
