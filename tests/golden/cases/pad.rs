use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

fn ci(values: &[i64]) -> Input {
    Input::ConstInt { shape: vec![values.len()], values: values.to_vec() }
}

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    vec![
        Case::new("pad_constant_zero", "Pad", vec![r(&[2, 3]), ci(&[1, 0, 0, 2])]),
        Case::new(
            "pad_constant_value_weight",
            "Pad",
            vec![r(&[2, 3]), ci(&[0, 1, 1, 0]), Input::Weight { shape: vec![], range: 4.0 }],
        ),
        Case::new(
            "pad_constant_value_runtime",
            "Pad",
            vec![r(&[2, 2]), ci(&[1, 1, 1, 1]), Input::RealValues { shape: vec![], values: vec![-2.5] }],
        ),
        Case::new("pad_reflect_wide", "Pad", vec![r(&[3, 4]), ci(&[2, 3, 2, 5])]).string("mode", "reflect"),
        Case::new("pad_reflect_size1_axis", "Pad", vec![r(&[1, 3]), ci(&[2, 0, 1, 1])]).string("mode", "reflect"),
        Case::new("pad_edge", "Pad", vec![r(&[2, 3]), ci(&[1, 2, 2, 1])]).string("mode", "edge"),
        Case::new("pad_wrap", "Pad", vec![r(&[2, 3]), ci(&[3, 1, 2, 4])]).string("mode", "wrap"),
        Case::new("pad_negative_crop", "Pad", vec![r(&[4, 5]), ci(&[-1, 2, 0, -2])]),
        Case::new("pad_negative_edge_3d", "Pad", vec![r(&[2, 3, 4]), ci(&[0, -1, 1, 1, 0, -2])]).string("mode", "edge"),
        Case::new("pad_axes_input", "Pad", vec![r(&[2, 3, 4]), ci(&[1, 2, 0, 1]), Input::Absent, ci(&[-1, 0])])
            .string("mode", "wrap"),
        Case::new(
            "pad_int_constant_value",
            "Pad",
            vec![
                Input::Int { shape: vec![2, 2], dtype: DType::I64, values: vec![1, -2, 3, i64::MIN] },
                ci(&[0, 1, 1, 0]),
                Input::ConstInt { shape: vec![], values: vec![7] },
            ],
        ),
        Case::new("pad_legacy_attrs", "Pad", vec![r(&[2, 3])])
            .opset(2)
            .ints("pads", &[1, 0, 0, 1])
            .float("value", 1.25),
        Case::new("pad_legacy_reflect", "Pad", vec![r(&[3])]).opset(2).ints("pads", &[2, 1]).string("mode", "reflect"),
    ]
}
