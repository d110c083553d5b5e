use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |shape: &[usize], v: &[f64]| Input::RealValues { shape: shape.to_vec(), values: v.to_vec() };
    vec![
        Case::new("imputer_per_feature", "Imputer", vec![vals(&[2, 3], &[0.0, 1.5, -2.0, 4.0, 0.0, 0.0])])
            .ml(1)
            .floats("imputed_value_floats", &[9.5, -3.25, 0.125])
            .float("replaced_value_float", 0.0),
        Case::new("imputer_one_value", "Imputer", vec![vals(&[2, 2], &[-1.0, 2.0, -1.0, -1.0])])
            .ml(1)
            .floats("imputed_value_floats", &[7.0])
            .float("replaced_value_float", -1.0),
        Case::new(
            "imputer_ints",
            "Imputer",
            vec![Input::Int { shape: vec![2, 2], dtype: DType::I64, values: vec![5, -1, -1, 8] }],
        )
        .ml(1)
        .ints("imputed_value_int64s", &[100, 200])
        .int("replaced_value_int64", -1),
    ]
}
