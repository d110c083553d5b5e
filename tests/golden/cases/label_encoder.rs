use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let ints = |shape: &[usize], v: &[i64]| Input::Int { shape: shape.to_vec(), dtype: DType::I64, values: v.to_vec() };
    let vals = |shape: &[usize], v: &[f64]| Input::RealValues { shape: shape.to_vec(), values: v.to_vec() };
    vec![
        Case::new("label_encoder_int_to_int", "LabelEncoder", vec![ints(&[5], &[3, 1, 2, 9, 1])])
            .ml(2)
            .ints("keys_int64s", &[1, 2, 3])
            .ints("values_int64s", &[10, -20, 30])
            .int("default_int64", -7),
        Case::new("label_encoder_int_to_real", "LabelEncoder", vec![ints(&[2, 2], &[0, 4, 1, 0])])
            .ml(2)
            .ints("keys_int64s", &[0, 1])
            .floats("values_floats", &[0.5, -2.25])
            .float("default_float", 9.0),
        Case::new("label_encoder_real_to_int", "LabelEncoder", vec![vals(&[4], &[0.5, 1.5, 0.3, 2.0])])
            .ml(2)
            .floats("keys_floats", &[0.5, 2.0, 0.3])
            .ints("values_int64s", &[1, 2, 3]),
    ]
}
