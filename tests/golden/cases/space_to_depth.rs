use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("space_to_depth_block_2", "SpaceToDepth", vec![r(&[1, 2, 4, 6])]).int("blocksize", 2),
        Case::new("space_to_depth_block_3_batch", "SpaceToDepth", vec![r(&[2, 1, 3, 6])]).int("blocksize", 3),
        Case::new("space_to_depth_block_1", "SpaceToDepth", vec![r(&[1, 2, 2, 2])]).int("blocksize", 1),
        Case::new(
            "space_to_depth_int32",
            "SpaceToDepth",
            vec![Input::Int {
                shape: vec![1, 1, 2, 2],
                dtype: DType::I32,
                values: vec![-2147483648, 2147483647, 0, -1],
            }],
        )
        .int("blocksize", 2),
        Case::new("space_to_depth_opset_1", "SpaceToDepth", vec![r(&[1, 1, 4, 2])]).int("blocksize", 2).opset(1),
    ]
}
