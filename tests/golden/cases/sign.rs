use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    vec![
        Case::new("sign_real", "Sign", vec![Input::Real { shape: vec![3, 4], range: 5.0 }]),
        Case::new(
            "sign_edges",
            "Sign",
            vec![vals(&[-1.0 / 65536.0, -0.0, 0.0, 1.0 / 65536.0, -140737488355328.0, 1.0e14])],
        ),
        Case::new("sign_opset_9", "Sign", vec![vals(&[-2.5, 0.0, 2.5])]).opset(9),
        Case::new("sign_int32", "Sign", vec![int(DType::I32, &[-7, 0, 5, -2147483648])]),
        Case::new("sign_uint16", "Sign", vec![int(DType::U16, &[0, 1, 65535])]),
        Case::new("sign_scale_1", "Sign", vec![vals(&[-3.0, 0.0, 0.5])]).scale(1),
        Case::new("sign_scale_32", "Sign", vec![Input::Real { shape: vec![6], range: 1.0 }]).scale(32),
    ]
}
