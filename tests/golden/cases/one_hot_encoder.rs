use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let ints = |shape: &[usize], v: &[i64]| Input::Int { shape: shape.to_vec(), dtype: DType::I64, values: v.to_vec() };
    let vals = |shape: &[usize], v: &[f64]| Input::RealValues { shape: shape.to_vec(), values: v.to_vec() };
    vec![
        Case::new("one_hot_encoder_ints", "OneHotEncoder", vec![ints(&[2, 3], &[1, 5, 7, 7, 2, 1])])
            .ml(1)
            .ints("cats_int64s", &[1, 5, 7]),
        Case::new("one_hot_encoder_reals", "OneHotEncoder", vec![vals(&[4], &[3.0, 1.0, 2.0, 3.0])])
            .ml(1)
            .ints("cats_int64s", &[1, 2, 3]),
        // zeros = 0: an unknown category is an error
        Case::new("one_hot_encoder_unknown", "OneHotEncoder", vec![ints(&[2], &[1, 9])])
            .ml(1)
            .ints("cats_int64s", &[1, 2])
            .int("zeros", 0),
        Case::new("one_hot_encoder_known", "OneHotEncoder", vec![ints(&[2], &[2, 1])])
            .ml(1)
            .ints("cats_int64s", &[1, 2])
            .int("zeros", 0),
    ]
}
