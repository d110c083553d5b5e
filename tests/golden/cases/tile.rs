use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let repeats = |v: &[i64]| Input::ConstInt { shape: vec![v.len()], values: v.to_vec() };
    vec![
        Case::new("tile_1d", "Tile", vec![r(&[3]), repeats(&[2])]),
        Case::new("tile_2d", "Tile", vec![r(&[2, 3]), repeats(&[2, 3])]),
        Case::new("tile_one_axis", "Tile", vec![r(&[2, 1, 3]), repeats(&[1, 4, 1])]),
        Case::new("tile_zero_repeats", "Tile", vec![r(&[2, 3]), repeats(&[0, 1])]),
        Case::new("tile_scalar", "Tile", vec![Input::RealValues { shape: vec![], values: vec![1.5] }, repeats(&[])]),
        Case::new(
            "tile_int32",
            "Tile",
            vec![Input::Int { shape: vec![2], dtype: DType::I32, values: vec![-2147483648, 7] }, repeats(&[3])],
        ),
        Case::new("tile_opset_6", "Tile", vec![r(&[2, 2]), repeats(&[1, 2])]).opset(6),
    ]
}
