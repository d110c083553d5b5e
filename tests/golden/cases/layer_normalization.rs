use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let w = |shape: &[usize], range: f64| Input::Weight { shape: shape.to_vec(), range };
    let vals = |shape: &[usize], v: &[f64]| Input::RealValues { shape: shape.to_vec(), values: v.to_vec() };
    vec![
        // the transformer encoder's form: last axis, Scale and B of the feature size
        Case::new(
            "layer_normalization_last_axis",
            "LayerNormalization",
            vec![r(&[2, 3, 8], 4.0), w(&[8], 1.5), w(&[8], 0.5)],
        )
        .opset(17),
        Case::new(
            "layer_normalization_two_axes",
            "LayerNormalization",
            vec![r(&[2, 3, 4], 4.0), w(&[3, 4], 1.5), w(&[3, 4], 0.5)],
        )
        .opset(17)
        .int("axis", 1),
        Case::new("layer_normalization_no_bias", "LayerNormalization", vec![r(&[3, 5], 4.0), w(&[5], 1.5)])
            .opset(17)
            .float("epsilon", 1e-3),
        // every output: Y, Mean and InvStdDev
        Case::new(
            "layer_normalization_statistics",
            "LayerNormalization",
            vec![r(&[4, 6], 4.0), w(&[6], 1.5), w(&[6], 0.5)],
        )
        .opset(17)
        .outputs(3),
        // a constant row: var = 0, only epsilon remains
        Case::new(
            "layer_normalization_constant_row",
            "LayerNormalization",
            vec![vals(&[2, 3], &[1.5, 1.5, 1.5, -1.0, 0.0, 1.0]), w(&[3], 1.0)],
        )
        .opset(17)
        .outputs(3),
        Case::new(
            "layer_normalization_scale_24",
            "LayerNormalization",
            vec![r(&[2, 8], 10.0), w(&[8], 1.5), w(&[8], 0.5)],
        )
        .opset(17)
        .scale(24),
        // epsilon 0 and a constant row: division by zero, an error
        Case::new(
            "layer_normalization_zero_variance",
            "LayerNormalization",
            vec![vals(&[1, 3], &[2.0, 2.0, 2.0]), w(&[3], 1.0)],
        )
        .opset(17)
        .float("epsilon", 0.0),
    ]
}
