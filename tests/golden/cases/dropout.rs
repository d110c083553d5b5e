use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let ratio = || Input::Weight { shape: vec![], range: 0.5 };
    let mode = |v: i64| Input::ConstInt { shape: vec![], values: vec![v] };
    vec![
        Case::new("dropout_default", "Dropout", vec![r(&[3, 4])]),
        Case::new("dropout_mask", "Dropout", vec![r(&[2, 3, 2])]).outputs(2),
        Case::new("dropout_ratio_input", "Dropout", vec![r(&[5]), ratio()]).outputs(2),
        // training_mode given as a constant false: still inference
        Case::new("dropout_training_mode_false", "Dropout", vec![r(&[2, 2]), ratio(), mode(0)]).outputs(2),
        Case::new("dropout_absent_ratio", "Dropout", vec![r(&[2, 2]), Input::Absent, mode(0)]),
        Case::new("dropout_scalar", "Dropout", vec![Input::RealValues { shape: vec![], values: vec![-2.5] }])
            .outputs(2),
        Case::new("dropout_zero_size", "Dropout", vec![r(&[0, 3])]).outputs(2),
        // before opset 12 the ratio is an attribute
        Case::new("dropout_opset_11_ratio", "Dropout", vec![r(&[3])]).opset(11).float("ratio", 0.25).outputs(2),
        Case::new("dropout_opset_7", "Dropout", vec![r(&[2, 3])]).opset(7),
        Case::new("dropout_seed", "Dropout", vec![r(&[2, 3])]).int("seed", 7).outputs(2),
    ]
}
