use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

fn x(shape: &[usize]) -> Input {
    Input::Real { shape: shape.to_vec(), range: 8.0 }
}

fn scales(v: &[f64]) -> Input {
    Input::ConstReal { shape: vec![v.len()], values: v.to_vec() }
}

fn sizes(v: &[i64]) -> Input {
    Input::ConstInt { shape: vec![v.len()], values: v.to_vec() }
}

/// Resize at opset 19 with (X, roi absent, scales) or (X, roi, scales absent, sizes).
fn with_scales(name: &str, shape: &[usize], s: &[f64]) -> Case {
    Case::new(name, "Resize", vec![x(shape), Input::Absent, scales(s)]).opset(19)
}

fn with_sizes(name: &str, shape: &[usize], s: &[i64]) -> Case {
    Case::new(name, "Resize", vec![x(shape), Input::Absent, Input::Absent, sizes(s)]).opset(19)
}

pub fn cases() -> Vec<Case> {
    vec![
        with_scales("resize_nearest_up_half_pixel", &[1, 1, 2, 3], &[1.0, 1.0, 2.0, 2.0]),
        with_scales("resize_nearest_down_asymmetric", &[1, 1, 4, 4], &[1.0, 1.0, 0.5, 0.5])
            .string("coordinate_transformation_mode", "asymmetric"),
        with_sizes("resize_nearest_sizes_prefer_ceil", &[1, 1, 3, 4], &[1, 1, 5, 7])
            .string("nearest_mode", "round_prefer_ceil"),
        with_scales("resize_nearest_floor_align_corners", &[1, 2, 3, 3], &[1.0, 1.0, 1.5, 2.0])
            .string("nearest_mode", "floor")
            .string("coordinate_transformation_mode", "align_corners"),
        with_scales("resize_nearest_ceil_tf_half_pixel", &[1, 1, 3, 3], &[1.0, 1.0, 1.7, 1.7])
            .string("nearest_mode", "ceil")
            .string("coordinate_transformation_mode", "tf_half_pixel_for_nn"),
        with_scales("resize_linear_up_half_pixel", &[1, 1, 2, 2], &[1.0, 1.0, 2.0, 2.0]).string("mode", "linear"),
        with_sizes("resize_linear_align_corners_sizes", &[1, 2, 2, 3], &[1, 2, 3, 5])
            .string("mode", "linear")
            .string("coordinate_transformation_mode", "align_corners"),
        with_scales("resize_linear_pytorch_half_pixel", &[1, 1, 4, 4], &[1.0, 1.0, 1.5, 0.5])
            .string("mode", "linear")
            .string("coordinate_transformation_mode", "pytorch_half_pixel"),
        with_scales("resize_linear_down_asymmetric", &[1, 1, 5, 5], &[1.0, 1.0, 0.6, 0.6])
            .string("mode", "linear")
            .string("coordinate_transformation_mode", "asymmetric"),
        with_scales("resize_linear_1d", &[5], &[1.6]).string("mode", "linear"),
        with_scales("resize_linear_3d_trilinear", &[1, 2, 2, 3], &[1.0, 1.5, 2.0, 1.0]).string("mode", "linear"),
        Case::new(
            "resize_nearest_int64",
            "Resize",
            vec![
                Input::Int { shape: vec![1, 2, 2], dtype: DType::I64, values: vec![-7, 3, i64::MAX, i64::MIN] },
                Input::Absent,
                scales(&[1.0, 2.0, 1.5]),
            ],
        )
        .opset(19),
        Case::new("resize_axes_opset18", "Resize", vec![x(&[1, 1, 2, 2]), Input::Absent, scales(&[2.0, 3.0])])
            .opset(18)
            .ints("axes", &[2, 3])
            .string("mode", "linear"),
        Case::new(
            "resize_opset11_nearest",
            "Resize",
            vec![x(&[1, 1, 2, 2]), Input::Absent, scales(&[1.0, 1.0, 2.0, 2.0])],
        )
        .opset(11),
        Case::new("resize_opset10_nearest", "Resize", vec![x(&[1, 1, 2, 3]), scales(&[1.0, 1.0, 2.0, 1.5])]).opset(10),
        Case::new("resize_opset10_linear", "Resize", vec![x(&[1, 1, 2, 2]), scales(&[1.0, 1.0, 2.0, 2.0])])
            .opset(10)
            .string("mode", "linear"),
        // Extreme values: the weighted sum stays exact, rounded once.
        Case::new(
            "resize_linear_extremes",
            "Resize",
            vec![
                Input::RealValues { shape: vec![1, 1, 1, 2], values: vec![140737488355327.0, -140737488355328.0] },
                Input::Absent,
                scales(&[1.0, 1.0, 1.0, 2.0]),
            ],
        )
        .opset(19)
        .string("mode", "linear"),
    ]
}
