use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let ulp = 1.0 / 65536.0;
    // ties go to the even neighbour: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2, -0.5 -> 0, -1.5 -> -2, -2.5 -> -2
    let ties = [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, -3.5];
    let near = [0.5 - ulp, 0.5 + ulp, 2.5 - ulp, 2.5 + ulp, -0.5 - ulp, -0.5 + ulp, -2.5 + ulp, -2.5 - ulp];
    vec![
        Case::new("round_real", "Round", vec![Input::Real { shape: vec![3, 4], range: 20.0 }]),
        Case::new("round_ties_to_even", "Round", vec![vals(&ties)]),
        Case::new("round_near_ties", "Round", vec![vals(&near)]),
        Case::new("round_extremes", "Round", vec![vals(&[-140737488355328.0, 140737488355327.0, 0.0, -0.0])]),
        // q = 2^63 - 2^31 at scale 32 is 2147483647.5: the tie goes to 2^31, 2^63 ulps
        Case::new("round_overflow", "Round", vec![vals(&[2147483647.5])]).scale(32),
        Case::new("round_largest", "Round", vec![vals(&[2147483646.5, 2147483647.25])]).scale(32),
        Case::new("round_opset_11", "Round", vec![vals(&[0.5, 1.5, -2.5])]).opset(11),
        Case::new("round_scale_1", "Round", vec![vals(&[-1.5, -0.5, 0.5, 1.5, 2.5])]).scale(1),
        Case::new("round_scale_32", "Round", vec![Input::Real { shape: vec![6], range: 1000.0 }]).scale(32),
    ]
}
