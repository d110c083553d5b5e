use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let axis = |v: i64| Input::ConstInt { shape: vec![], values: vec![v] };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int =
        |shape: &[usize], dtype: DType, v: &[i64]| Input::Int { shape: shape.to_vec(), dtype, values: v.to_vec() };
    vec![
        Case::new("cum_sum_1d", "CumSum", vec![r(&[6]), axis(0)]),
        Case::new("cum_sum_exclusive", "CumSum", vec![r(&[6]), axis(0)]).int("exclusive", 1),
        Case::new("cum_sum_reverse", "CumSum", vec![r(&[6]), axis(0)]).int("reverse", 1),
        Case::new("cum_sum_reverse_exclusive", "CumSum", vec![r(&[6]), axis(-1)]).int("reverse", 1).int("exclusive", 1),
        Case::new("cum_sum_2d_axis0", "CumSum", vec![r(&[3, 4]), axis(0)]),
        Case::new("cum_sum_3d_middle_reverse", "CumSum", vec![r(&[2, 3, 2]), axis(1)]).int("reverse", 1),
        Case::new("cum_sum_3d_middle_exclusive", "CumSum", vec![r(&[2, 3, 2]), axis(-2)]).int("exclusive", 1),
        Case::new("cum_sum_axis_one_long", "CumSum", vec![r(&[3, 1]), axis(1)]).int("exclusive", 1),
        Case::new(
            "cum_sum_int32_axis",
            "CumSum",
            vec![r(&[2, 3]), Input::ConstInt { shape: vec![1], values: vec![1] }],
        ),
        // exact partial sums of values at the range ends
        Case::new("cum_sum_range_ends", "CumSum", vec![vals(&[140737488355327.0, -140737488355328.0, 5.5]), axis(0)]),
        Case::new("cum_sum_overflow", "CumSum", vec![vals(&[100000000000000.0, 100000000000000.0, -1.0]), axis(0)]),
        // the full sum of an exclusive scan is never an output
        Case::new(
            "cum_sum_exclusive_unseen_total",
            "CumSum",
            vec![vals(&[100000000000000.0, 100000000000000.0, -1.0]), axis(0)],
        )
        .int("exclusive", 1)
        .int("reverse", 1),
        Case::new("cum_sum_int32", "CumSum", vec![int(&[2, 3], DType::I32, &[2147483647, -5, 5, 1, 2, 3]), axis(1)]),
        Case::new("cum_sum_int8_overflow", "CumSum", vec![int(&[3], DType::I8, &[100, 27, 1]), axis(0)]),
        Case::new("cum_sum_uint8", "CumSum", vec![int(&[4], DType::U8, &[200, 55, 0, 0]), axis(0)]).int("reverse", 1),
        Case::new("cum_sum_opset_11", "CumSum", vec![r(&[2, 3]), axis(1)]).opset(11),
        Case::new("cum_sum_scale_32", "CumSum", vec![r(&[2, 3]), axis(1)]).scale(32),
    ]
}
