use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let k = |k: i64| Input::ConstInt { shape: vec![1], values: vec![k] };
    let ties =
        || Input::RealValues { shape: vec![2, 5], values: vec![1.0, 3.0, 3.0, -1.0, 3.0, -2.0, -2.0, -5.0, -2.0, 0.5] };
    vec![
        Case::new("top_k_default", "TopK", vec![r(&[3, 5]), k(2)]).outputs(2),
        Case::new("top_k_axis0", "TopK", vec![r(&[4, 3]), k(3)]).int("axis", 0).outputs(2),
        Case::new("top_k_middle_axis", "TopK", vec![r(&[2, 4, 3]), k(2)]).int("axis", 1).outputs(2),
        Case::new("top_k_smallest", "TopK", vec![r(&[3, 5]), k(3)]).int("largest", 0).outputs(2),
        Case::new("top_k_unsorted_flag", "TopK", vec![r(&[2, 6]), k(4)]).int("sorted", 0).outputs(2),
        Case::new("top_k_ties_largest", "TopK", vec![ties(), k(4)]).outputs(2),
        Case::new("top_k_ties_smallest", "TopK", vec![ties(), k(4)]).int("largest", 0).outputs(2),
        Case::new("top_k_whole_axis", "TopK", vec![r(&[7]), k(7)]).outputs(2),
        Case::new("top_k_zero", "TopK", vec![r(&[2, 3]), k(0)]).outputs(2),
        Case::new(
            "top_k_int32",
            "TopK",
            vec![Input::Int { shape: vec![2, 4], dtype: DType::I32, values: vec![-5, 7, 7, -1, -1, -9, 4, 2] }, k(2)],
        )
        .outputs(2),
        Case::new(
            "top_k_extreme_values",
            "TopK",
            vec![
                Input::RealValues {
                    shape: vec![5],
                    values: vec![-3.0, 140737488355327.0, -140737488355328.0, -0.5 - 1.0 / 65536.0, -0.5],
                },
                k(5),
            ],
        )
        .int("largest", 0)
        .outputs(2),
        Case::new("top_k_opset1_attribute", "TopK", vec![r(&[3, 4])]).int("k", 2).opset(1).outputs(2),
        Case::new("top_k_opset10", "TopK", vec![r(&[3, 4]), k(3)]).opset(10).outputs(2),
    ]
}
