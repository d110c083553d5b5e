use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("scaler_per_feature", "Scaler", vec![r(&[3, 4], 6.0)])
            .ml(1)
            .floats("offset", &[0.5, -1.25, 3.0, 0.1])
            .floats("scale", &[2.0, 0.3, -1.5, 10.0]),
        // one offset and one scale for every feature
        Case::new("scaler_broadcast", "Scaler", vec![r(&[2, 5], 6.0)])
            .ml(1)
            .floats("offset", &[1.5])
            .floats("scale", &[0.7]),
        Case::new(
            "scaler_int_input",
            "Scaler",
            vec![Input::Int {
                shape: vec![2, 3],
                dtype: cairn_runtime::DType::I64,
                values: vec![1, -2, 300, 0, 7, -45],
            }],
        )
        .ml(1)
        .floats("offset", &[0.0, 1.0, 2.0])
        .floats("scale", &[0.5, 0.25, 0.125]),
        Case::new("scaler_large_scale", "Scaler", vec![r(&[1, 2], 6.0)])
            .ml(1)
            .floats("offset", &[0.0])
            .floats("scale", &[1.0e12]),
    ]
}
