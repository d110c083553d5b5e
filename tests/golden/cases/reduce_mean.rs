use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let axes = |v: &[i64]| Input::ConstInt { shape: vec![v.len()], values: v.to_vec() };
    let ulp = 1.0 / 65536.0;
    vec![
        // opset 18+: axes is an input
        Case::new("reduce_mean_axes_input", "ReduceMean", vec![r(&[3, 4]), axes(&[1])]),
        Case::new("reduce_mean_two_axes_keepdims0", "ReduceMean", vec![r(&[2, 3, 4]), axes(&[0, 2])])
            .int("keepdims", 0),
        Case::new("reduce_mean_negative_axis", "ReduceMean", vec![r(&[2, 3, 4]), axes(&[-1])]),
        Case::new("reduce_mean_all_axes", "ReduceMean", vec![r(&[2, 3, 2])]),
        Case::new("reduce_mean_empty_axes", "ReduceMean", vec![r(&[3, 2]), axes(&[])]).int("keepdims", 0),
        Case::new("reduce_mean_noop", "ReduceMean", vec![r(&[2, 3])]).int("noop_with_empty_axes", 1),
        Case::new("reduce_mean_noop_with_axes", "ReduceMean", vec![r(&[2, 3]), axes(&[1])])
            .int("noop_with_empty_axes", 1),
        // opsets < 18: axes is an attribute
        Case::new("reduce_mean_attr_axes", "ReduceMean", vec![r(&[2, 3, 4])]).opset(13).ints("axes", &[1, 2]),
        Case::new("reduce_mean_attr_all", "ReduceMean", vec![r(&[2, 3, 4])]).opset(11).int("keepdims", 0),
        Case::new("reduce_mean_attr_negative", "ReduceMean", vec![r(&[4, 3])]).opset(1).ints("axes", &[-2]),
        // rounding half up: 1.5 ulp -> 2, -1.5 ulp -> -1, 1/3 and 2/3 ulp
        Case::new(
            "reduce_mean_rounds_half_up",
            "ReduceMean",
            vec![
                Input::RealValues {
                    shape: vec![4, 3],
                    values: vec![ulp, 2.0 * ulp, 0.0, -ulp, -2.0 * ulp, 0.0, ulp, 0.0, 0.0, -2.0 * ulp, 0.0, 0.0],
                },
                axes(&[1]),
            ],
        ),
        Case::new(
            "reduce_mean_pairs_half_up",
            "ReduceMean",
            vec![Input::RealValues { shape: vec![2, 2], values: vec![ulp, 2.0 * ulp, -ulp, -2.0 * ulp] }, axes(&[1])],
        ),
        Case::new(
            "reduce_mean_large",
            "ReduceMean",
            vec![Input::RealValues { shape: vec![3], values: vec![1.0e14, 1.0e14, 1.0e14] }],
        ),
        Case::new("reduce_mean_empty_group", "ReduceMean", vec![r(&[2, 0]), axes(&[1])]),
        Case::new(
            "reduce_mean_int32_truncates",
            "ReduceMean",
            vec![
                Input::Int { shape: vec![3, 2], dtype: DType::I32, values: vec![-7, 2, 7, -2, 2147483647, 2147483646] },
                axes(&[1]),
            ],
        ),
        Case::new("reduce_mean_scale_32", "ReduceMean", vec![r(&[3, 4]), axes(&[0])]).scale(32),
        Case::new("reduce_mean_scale_4", "ReduceMean", vec![r(&[3, 4]), axes(&[0])]).scale(4),
    ]
}
