use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let scalar = |v: f64| Input::RealValues { shape: vec![], values: vec![v] };
    let w = || Input::Weight { shape: vec![], range: 3.0 };
    let int =
        |dtype: DType, shape: &[usize], v: &[i64]| Input::Int { shape: shape.to_vec(), dtype, values: v.to_vec() };
    let c = |v: i64| Input::ConstInt { shape: vec![], values: vec![v] };
    vec![
        // opset >= 11: bounds are inputs (graph inputs or weights)
        Case::new("clip_input_bounds", "Clip", vec![r(&[3, 4], 8.0), scalar(-2.5), scalar(1.25)]),
        Case::new(
            "clip_weight_bounds",
            "Clip",
            vec![r(&[3, 4], 8.0), w(), Input::Weight { shape: vec![], range: 0.5 }],
        ),
        Case::new("clip_equal_bounds", "Clip", vec![r(&[10], 8.0), scalar(0.5), scalar(0.5)]),
        Case::new("clip_min_only", "Clip", vec![r(&[10], 8.0), scalar(0.0)]),
        Case::new("clip_max_only", "Clip", vec![r(&[10], 8.0), Input::Absent, scalar(6.0)]),
        Case::new("clip_no_bounds", "Clip", vec![r(&[6], 8.0)]),
        Case::new("clip_min_greater_than_max", "Clip", vec![r(&[8], 8.0), scalar(2.0), scalar(-1.0)]).opset(13),
        Case::new("clip_scale_32", "Clip", vec![r(&[8], 8.0), scalar(-0.3), scalar(0.7)]).scale(32),
        // opsets < 11: bounds are attributes, quantized at the model scale
        Case::new("clip_attr_bounds", "Clip", vec![r(&[3, 4], 8.0)]).opset(6).float("min", -1.5).float("max", 3.3),
        Case::new("clip_attr_min_only", "Clip", vec![r(&[8], 8.0)]).opset(6).float("min", 0.1),
        Case::new("clip_attr_max_only", "Clip", vec![r(&[8], 8.0)]).opset(6).float("max", -0.7),
        Case::new("clip_attr_defaults", "Clip", vec![r(&[4], 8.0)]).opset(6),
        Case::new("clip_attr_min_greater_than_max", "Clip", vec![r(&[6], 8.0)])
            .opset(6)
            .float("min", 1.0)
            .float("max", -1.0),
        Case::new("clip_attr_unrepresentable", "Clip", vec![r(&[4], 8.0)]).opset(6).float("min", -1.0e30),
        // integers: bounds from inputs only
        Case::new(
            "clip_int8",
            "Clip",
            vec![
                int(DType::I8, &[6], &[-128, -5, 0, 3, 100, 127]),
                int(DType::I8, &[], &[-4]),
                int(DType::I8, &[], &[50]),
            ],
        ),
        Case::new(
            "clip_int64_const_bounds",
            "Clip",
            vec![int(DType::I64, &[5], &[-1 << 40, -3, 0, 7, 1 << 40]), c(-3), c(1 << 35)],
        ),
        Case::new(
            "clip_int32_max_only",
            "Clip",
            vec![int(DType::I32, &[4], &[-9, 0, 9, 11]), Input::Absent, int(DType::I32, &[], &[8])],
        ),
        Case::new(
            "clip_int_min_greater_than_max",
            "Clip",
            vec![int(DType::I16, &[3], &[-9, 0, 9]), int(DType::I16, &[], &[5]), int(DType::I16, &[], &[-5])],
        ),
        // the attribute bounds of opsets < 11 apply to reals only (as in the reference)
        Case::new("clip_attr_int_ignored", "Clip", vec![int(DType::I32, &[3], &[-9, 0, 9])])
            .opset(6)
            .float("min", -1.0)
            .float("max", 1.0),
    ]
}
