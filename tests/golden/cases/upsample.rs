use crate::golden::case::{Case, Input};

fn x(shape: &[usize]) -> Input {
    Input::Real { shape: shape.to_vec(), range: 8.0 }
}

fn scales(v: &[f64]) -> Input {
    Input::ConstReal { shape: vec![v.len()], values: v.to_vec() }
}

pub fn cases() -> Vec<Case> {
    vec![
        Case::new("upsample_nearest_opset9", "Upsample", vec![x(&[1, 1, 2, 3]), scales(&[1.0, 1.0, 2.0, 3.0])])
            .opset(9),
        Case::new("upsample_linear_opset9", "Upsample", vec![x(&[1, 1, 2, 2]), scales(&[1.0, 1.0, 2.0, 2.0])])
            .opset(9)
            .string("mode", "linear"),
        Case::new("upsample_nearest_opset7_attribute", "Upsample", vec![x(&[1, 2, 2])])
            .opset(7)
            .floats("scales", &[1.0, 2.0, 2.5]),
        Case::new("upsample_linear_opset7_attribute", "Upsample", vec![x(&[1, 1, 3, 2])])
            .opset(7)
            .floats("scales", &[1.0, 1.0, 1.5, 2.0])
            .string("mode", "linear"),
    ]
}
