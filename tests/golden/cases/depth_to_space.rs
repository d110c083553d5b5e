use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("depth_to_space_dcr_default", "DepthToSpace", vec![r(&[1, 8, 2, 3])]).int("blocksize", 2),
        Case::new("depth_to_space_dcr_explicit", "DepthToSpace", vec![r(&[2, 4, 2, 2])])
            .int("blocksize", 2)
            .string("mode", "DCR"),
        Case::new("depth_to_space_crd", "DepthToSpace", vec![r(&[2, 8, 2, 3])])
            .int("blocksize", 2)
            .string("mode", "CRD"),
        Case::new("depth_to_space_block_3_crd", "DepthToSpace", vec![r(&[1, 9, 2, 1])])
            .int("blocksize", 3)
            .string("mode", "CRD"),
        Case::new("depth_to_space_block_1", "DepthToSpace", vec![r(&[1, 3, 2, 2])]).int("blocksize", 1),
        Case::new(
            "depth_to_space_int64",
            "DepthToSpace",
            vec![Input::Int { shape: vec![1, 4, 1, 1], dtype: DType::I64, values: vec![1, -2, i64::MAX, i64::MIN] }],
        )
        .int("blocksize", 2),
        Case::new("depth_to_space_opset_1", "DepthToSpace", vec![r(&[1, 4, 2, 2])]).int("blocksize", 2).opset(1),
        Case::new("depth_to_space_opset_11_crd", "DepthToSpace", vec![r(&[1, 4, 1, 2])])
            .int("blocksize", 2)
            .string("mode", "CRD")
            .opset(11),
    ]
}
