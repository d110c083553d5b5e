use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let idx =
        |shape: &[usize], dtype: DType, v: &[i64]| Input::Int { shape: shape.to_vec(), dtype, values: v.to_vec() };
    let depth = |d: i64| Input::ConstInt { shape: vec![], values: vec![d] };
    let values = || Input::RealValues { shape: vec![2], values: vec![-0.5, 2.75] };
    vec![
        // negative indices from the end; out-of-range ones give all-off rows
        Case::new(
            "one_hot_default_axis",
            "OneHot",
            vec![idx(&[2, 3], DType::I64, &[0, 3, -1, -4, 4, -5]), depth(4), values()],
        ),
        Case::new("one_hot_axis0", "OneHot", vec![idx(&[3], DType::I64, &[2, 0, -2]), depth(3), values()])
            .int("axis", 0),
        Case::new("one_hot_middle_axis", "OneHot", vec![idx(&[2, 2], DType::I32, &[1, 0, 1, -1]), depth(2), values()])
            .int("axis", 1),
        Case::new(
            "one_hot_negative_axis",
            "OneHot",
            vec![idx(&[2, 3], DType::I64, &[1, 2, 0, 0, -3, 5]), depth(3), values()],
        )
        .int("axis", -2),
        Case::new(
            "one_hot_extreme_indices",
            "OneHot",
            vec![idx(&[3], DType::I64, &[i64::MIN, i64::MAX, -1]), depth(2), values()],
        ),
        // constant values: a weight, or integers (int64 output)
        Case::new(
            "one_hot_weight_values",
            "OneHot",
            vec![idx(&[4], DType::I64, &[0, 1, 2, 1]), depth(3), Input::Weight { shape: vec![2], range: 4.0 }],
        ),
        Case::new(
            "one_hot_int_values",
            "OneHot",
            vec![
                idx(&[4], DType::I64, &[3, 1, -1, 7]),
                depth(5),
                Input::ConstInt { shape: vec![2], values: vec![0, 1] },
            ],
        ),
        // constant indices with computed values
        Case::new(
            "one_hot_constant_indices",
            "OneHot",
            vec![Input::ConstInt { shape: vec![2], values: vec![1, -1] }, depth(3), values()],
        ),
        Case::new("one_hot_scalar_index", "OneHot", vec![idx(&[], DType::I64, &[1]), depth(3), values()]),
        Case::new("one_hot_opset_9", "OneHot", vec![idx(&[3], DType::I64, &[0, 2, 1]), depth(3), values()]).opset(9),
    ]
}
