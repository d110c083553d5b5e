use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

fn ci(values: &[i64]) -> Input {
    Input::ConstInt { shape: vec![values.len()], values: values.to_vec() }
}

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        // starts/ends only: axes 0, 1, steps 1
        Case::new("slice_starts_ends", "Slice", vec![r(&[3, 4]), ci(&[1, 0]), ci(&[3, 3])]),
        Case::new("slice_negative_step", "Slice", vec![r(&[4, 5]), ci(&[-1]), ci(&[-1000]), ci(&[1]), ci(&[-2])]),
        Case::new(
            "slice_clamping_and_negative_axis",
            "Slice",
            vec![r(&[3, 5]), ci(&[-100, 2]), ci(&[100, i64::MAX]), ci(&[0, -1])],
        ),
        Case::new(
            "slice_reverse_extremes",
            "Slice",
            vec![r(&[2, 4]), ci(&[i64::MAX]), ci(&[i64::MIN]), ci(&[1]), ci(&[-1])],
        ),
        Case::new(
            "slice_huge_step",
            "Slice",
            vec![r(&[2, 4]), ci(&[1, -1]), ci(&[2, i64::MIN]), ci(&[0, 1]), ci(&[i64::MAX, i64::MIN])],
        ),
        Case::new(
            "slice_axes_absent_steps_given",
            "Slice",
            vec![r(&[5, 4]), ci(&[0, 3]), ci(&[5, 0]), Input::Absent, ci(&[2, -1])],
        ),
        Case::new(
            "slice_3d_stride3",
            "Slice",
            vec![r(&[2, 3, 7]), ci(&[1, -7]), ci(&[2, 7]), ci(&[0, 2]), ci(&[1, 3])],
        ),
        Case::new("slice_empty_result", "Slice", vec![r(&[4, 2]), ci(&[3]), ci(&[1]), ci(&[0])]),
        Case::new(
            "slice_int32",
            "Slice",
            vec![
                Input::Int { shape: vec![6], dtype: DType::I32, values: vec![10, -20, 30, -40, 50, -60] },
                ci(&[-2]),
                ci(&[0]),
                ci(&[0]),
                ci(&[-2]),
            ],
        ),
        // opset < 10: attributes
        Case::new("slice_legacy_attrs", "Slice", vec![r(&[3, 4])])
            .opset(9)
            .ints("starts", &[-2, 1])
            .ints("ends", &[i64::MAX, 3])
            .ints("axes", &[1, 0]),
        Case::new("slice_legacy_no_axes", "Slice", vec![r(&[4, 3])]).opset(1).ints("starts", &[1]).ints("ends", &[-1]),
    ]
}
