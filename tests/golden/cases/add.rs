use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("add_same_shape", "Add", vec![r(&[2, 3]), r(&[2, 3])]),
        Case::new("add_broadcast", "Add", vec![r(&[2, 1, 4]), r(&[3, 1])]),
        Case::new("add_weight_row", "Add", vec![r(&[3, 4]), Input::Weight { shape: vec![4], range: 2.0 }]),
        Case::new(
            "add_int32",
            "Add",
            vec![
                Input::Int { shape: vec![4], dtype: DType::I32, values: vec![1, -7, 2147483000, -2147483000] },
                Input::Int { shape: vec![4], dtype: DType::I32, values: vec![5, 9, 600, -600] },
            ],
        ),
        Case::new("add_scale_30", "Add", vec![r(&[5]), r(&[5])]).scale(30),
    ]
}
