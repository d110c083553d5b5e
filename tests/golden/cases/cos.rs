use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    // the quadrant boundaries (multiples of pi/4 and pi/2), far arguments, the extremes
    use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI, TAU};
    let d = 1.0e-6;
    let edges = [
        0.0,
        FRAC_PI_4 - d,
        FRAC_PI_4 + d,
        FRAC_PI_2 - d,
        FRAC_PI_2 + d,
        PI - d,
        PI + d,
        -1.5 * PI,
        TAU,
        100.0,
        -1.0e6,
        1.0e9,
    ];
    let extremes = [140737488355327.0, -140737488355328.0, 1.0 / 65536.0, -1.0 / 65536.0];
    vec![
        Case::new("cos_real", "Cos", vec![r(&[4, 5], 10.0)]),
        Case::new("cos_edges", "Cos", vec![vals(&edges)]),
        Case::new("cos_extremes", "Cos", vec![vals(&extremes)]),
        Case::new("cos_opset_7", "Cos", vec![r(&[5], 4.0)]).opset(7),
        Case::new("cos_scale_1", "Cos", vec![vals(&[0.5, 1.0, 1.5, 3.0, -2.5, 4.0e18])]).scale(1),
        Case::new("cos_scale_8", "Cos", vec![r(&[8], 100.0)]).scale(8),
        Case::new("cos_scale_32", "Cos", vec![vals(&[2147483647.0, -2147483648.0, 0.1, 1.0e-9])]).scale(32),
        Case::new("cos_scale_32_seeded", "Cos", vec![r(&[8], 7.0)]).scale(32),
    ]
}
