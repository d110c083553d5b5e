use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("linear_regressor_one_target", "LinearRegressor", vec![r(&[3, 4], 3.0)])
            .ml(1)
            .floats("coefficients", &[0.5, -1.25, 2.0, 0.1])
            .floats("intercepts", &[0.75]),
        Case::new("linear_regressor_two_targets", "LinearRegressor", vec![r(&[2, 3], 3.0)])
            .ml(1)
            .floats("coefficients", &[0.5, -1.25, 2.0, 0.1, 0.2, -0.3])
            .floats("intercepts", &[0.75, -4.0])
            .int("targets", 2),
        Case::new("linear_regressor_no_intercept", "LinearRegressor", vec![r(&[3], 3.0)])
            .ml(1)
            .floats("coefficients", &[1.5, -2.0, 0.3]),
        Case::new("linear_regressor_logistic", "LinearRegressor", vec![r(&[2, 2], 3.0)])
            .ml(1)
            .floats("coefficients", &[0.5, -1.25])
            .string("post_transform", "LOGISTIC"),
        // Scores in [0.2, 0.8]: the normal quantile of each.
        Case::new("linear_regressor_probit", "LinearRegressor", vec![r(&[6, 2], 1.0)])
            .ml(1)
            .floats("coefficients", &[0.2, 0.1])
            .floats("intercepts", &[0.5])
            .string("post_transform", "PROBIT"),
        Case::new(
            "linear_regressor_probit_tails",
            "LinearRegressor",
            vec![Input::RealValues { shape: vec![4, 1], values: vec![1.0 / 65536.0, 0.001, 0.999, 65535.0 / 65536.0] }],
        )
        .ml(1)
        .floats("coefficients", &[1.0])
        .string("post_transform", "PROBIT"),
        // A score of 1 has an infinite quantile: an error, and a panic in Cairo.
        Case::new(
            "linear_regressor_probit_outside",
            "LinearRegressor",
            vec![Input::RealValues { shape: vec![1, 1], values: vec![1.0] }],
        )
        .ml(1)
        .floats("coefficients", &[1.0])
        .string("post_transform", "PROBIT"),
    ]
}
