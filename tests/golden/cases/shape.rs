use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("shape_default", "Shape", vec![r(&[2, 3, 4])]),
        Case::new("shape_scalar", "Shape", vec![Input::RealValues { shape: vec![], values: vec![1.5] }]),
        Case::new(
            "shape_int_input",
            "Shape",
            vec![Input::Int { shape: vec![2, 1], dtype: DType::I32, values: vec![4, 5] }],
        ),
        Case::new("shape_start_1", "Shape", vec![r(&[2, 3, 4])]).int("start", 1),
        Case::new("shape_end_negative_1", "Shape", vec![r(&[2, 3, 4])]).int("end", -1),
        Case::new("shape_start_1_end_2", "Shape", vec![r(&[2, 3, 4])]).int("start", 1).int("end", 2),
        Case::new("shape_clipped", "Shape", vec![r(&[2, 3, 4])]).int("start", -10).int("end", 10),
        Case::new("shape_start_greater_than_end", "Shape", vec![r(&[2, 3, 4])]).int("start", 2).int("end", 1),
        Case::new("shape_opset_13", "Shape", vec![r(&[5, 1])]).opset(13),
    ]
}
