use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let split = |v: &[i64]| Input::ConstInt { shape: vec![v.len()], values: v.to_vec() };
    vec![
        // opset 13+: `split` an optional input
        Case::new("split_equal_parts", "Split", vec![r(&[6])]).outputs(3),
        Case::new("split_equal_parts_axis_1", "Split", vec![r(&[2, 6])]).int("axis", 1).outputs(2),
        Case::new("split_variable_parts", "Split", vec![r(&[2, 6]), split(&[2, 4])]).int("axis", -1).outputs(2),
        Case::new("split_zero_size_part", "Split", vec![r(&[3, 2]), split(&[0, 3, 0])]).outputs(3),
        Case::new(
            "split_int32",
            "Split",
            vec![Input::Int { shape: vec![4], dtype: DType::I32, values: vec![1, -2, 2147483647, 4] }, split(&[1, 3])],
        )
        .outputs(2),
        // opset 18: num_outputs, a smaller last part
        Case::new("split_num_outputs_uneven", "Split", vec![r(&[7])]).opset(18).int("num_outputs", 3).outputs(3),
        Case::new("split_num_outputs_2d", "Split", vec![r(&[2, 5])])
            .opset(18)
            .int("axis", 1)
            .int("num_outputs", 2)
            .outputs(2),
        // opset < 13: `split` an attribute
        Case::new("split_attr_parts", "Split", vec![r(&[5, 2])]).opset(11).ints("split", &[1, 4]).outputs(2),
        Case::new("split_opset_2_equal", "Split", vec![r(&[4, 2])]).opset(2).outputs(2),
    ]
}
