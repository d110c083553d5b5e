use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    vec![
        Case::new("binarizer_default", "Binarizer", vec![r(&[3, 4], 2.0)]).ml(1),
        // x equal to the threshold is not above it; 0.3 is between two quanta
        Case::new("binarizer_ties", "Binarizer", vec![vals(&[0.25, 0.2500153, 0.3, 0.30001, -1.0])])
            .ml(1)
            .float("threshold", 0.25),
        Case::new("binarizer_unrepresentable", "Binarizer", vec![vals(&[0.29999, 0.3, 0.30001])])
            .ml(1)
            .float("threshold", 0.3),
    ]
}
