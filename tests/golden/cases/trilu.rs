use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let k = |v: i64| Input::ConstInt { shape: vec![], values: vec![v] };
    vec![
        Case::new("trilu_upper_default", "Trilu", vec![r(&[4, 5])]),
        Case::new("trilu_lower", "Trilu", vec![r(&[4, 5])]).int("upper", 0),
        Case::new("trilu_upper_k_positive", "Trilu", vec![r(&[3, 4]), k(2)]),
        Case::new("trilu_upper_k_negative", "Trilu", vec![r(&[5, 3]), k(-1)]),
        Case::new("trilu_lower_k_positive", "Trilu", vec![r(&[3, 4]), k(1)]).int("upper", 0),
        Case::new("trilu_lower_k_negative", "Trilu", vec![r(&[4, 3]), k(-2)]).int("upper", 0),
        // k beyond the matrix: everything or nothing stays
        Case::new("trilu_upper_k_beyond", "Trilu", vec![r(&[3, 4]), k(9)]),
        Case::new("trilu_lower_k_beyond", "Trilu", vec![r(&[3, 4]), k(-7)]).int("upper", 0),
        Case::new("trilu_upper_k_min", "Trilu", vec![r(&[2, 3]), k(i64::MIN)]),
        Case::new("trilu_lower_k_max", "Trilu", vec![r(&[2, 3]), k(i64::MAX)]).int("upper", 0),
        Case::new("trilu_batched", "Trilu", vec![r(&[2, 3, 3, 3]), k(0)]),
        Case::new("trilu_one_row", "Trilu", vec![r(&[3, 1, 5]), k(1)]).int("upper", 0),
        Case::new("trilu_zero_size", "Trilu", vec![r(&[3, 0, 5])]),
        Case::new(
            "trilu_int",
            "Trilu",
            vec![
                Input::Int { shape: vec![3, 3], dtype: DType::I64, values: vec![1, -2, 3, -4, 5, -6, 7, -8, i64::MIN] },
                k(0),
            ],
        )
        .int("upper", 0),
    ]
}
