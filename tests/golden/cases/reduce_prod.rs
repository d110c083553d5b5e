use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 2.0 };
    let axes = |v: &[i64]| Input::ConstInt { shape: vec![v.len()], values: v.to_vec() };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int =
        |shape: &[usize], dtype: DType, v: &[i64]| Input::Int { shape: shape.to_vec(), dtype, values: v.to_vec() };
    vec![
        // opset 18+: axes is an input
        Case::new("reduce_prod_axes_input", "ReduceProd", vec![r(&[3, 4]), axes(&[1])]),
        Case::new("reduce_prod_two_axes_keepdims0", "ReduceProd", vec![r(&[2, 3, 4]), axes(&[2, 0])])
            .int("keepdims", 0),
        Case::new("reduce_prod_negative_axis", "ReduceProd", vec![r(&[2, 3, 4]), axes(&[-2])]),
        Case::new("reduce_prod_all_axes", "ReduceProd", vec![r(&[2, 3, 2])]).int("keepdims", 0),
        Case::new("reduce_prod_empty_axes", "ReduceProd", vec![r(&[2, 3]), axes(&[])]),
        Case::new("reduce_prod_noop", "ReduceProd", vec![r(&[2, 3])]).int("noop_with_empty_axes", 1),
        // a product over no elements is 1
        Case::new("reduce_prod_empty_group", "ReduceProd", vec![r(&[2, 0]), axes(&[1])]),
        // one rounding per step: 3 ulp · 0.5 = 1.5 -> 2 ulp, · 3 = 6 ulp (not 4.5);
        // -3 ulp · 0.5 = -1.5 -> -1 ulp (half up)
        Case::new(
            "reduce_prod_rounding",
            "ReduceProd",
            vec![Input::RealValues {
                shape: vec![2, 3],
                values: vec![3.0 / 65536.0, 0.5, 3.0, -3.0 / 65536.0, 0.5, 1.0],
            }],
        )
        .int("keepdims", 0)
        .ints("axes", &[1])
        .opset(13),
        // a partial product past 2^63 ulps fails even if the full one would fit
        Case::new("reduce_prod_partial_overflow", "ReduceProd", vec![vals(&[1.0e10, 1.0e10, 1.0e-10])]),
        Case::new("reduce_prod_overflow", "ReduceProd", vec![vals(&[-1.0e7, 2.0e7, 3.0])]),
        // opset < 18: axes is an attribute
        Case::new("reduce_prod_attr_axes", "ReduceProd", vec![r(&[2, 3, 4])]).opset(13).ints("axes", &[1]),
        Case::new("reduce_prod_attr_all", "ReduceProd", vec![r(&[2, 3, 4])]).opset(11).int("keepdims", 0),
        Case::new(
            "reduce_prod_int32",
            "ReduceProd",
            vec![int(&[2, 3], DType::I32, &[1, -2, 3, 40000, -5, -6]), axes(&[1])],
        ),
        Case::new("reduce_prod_int8_overflow", "ReduceProd", vec![int(&[3], DType::I8, &[-4, 8, 5])]),
        Case::new("reduce_prod_int8_edge", "ReduceProd", vec![int(&[3], DType::I8, &[-4, 8, 4])]),
        Case::new("reduce_prod_uint8", "ReduceProd", vec![int(&[4], DType::U8, &[1, 7, 11, 3])]),
        Case::new("reduce_prod_scale_32", "ReduceProd", vec![r(&[3, 4]), axes(&[1])]).scale(32),
    ]
}
