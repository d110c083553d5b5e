use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 8.0 };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let ulp = 1.0 / 65536.0;
    vec![
        Case::new("mean_one_input", "Mean", vec![r(&[2, 3])]),
        Case::new("mean_two_inputs", "Mean", vec![r(&[2, 3]), r(&[2, 3])]),
        Case::new("mean_three_broadcast", "Mean", vec![r(&[2, 1, 4]), r(&[3, 1]), r(&[4])]),
        Case::new("mean_opset_6", "Mean", vec![r(&[3]), r(&[3])]).opset(6),
        Case::new("mean_opset_8", "Mean", vec![r(&[2, 3]), r(&[3])]).opset(8),
        // (1 + 2)/2 = 1.5 ulp -> 2; (-1 - 2)/2 = -1.5 ulp -> -1; (1 + 1 + 2)/3 = 1.33 -> 1
        Case::new("mean_rounding", "Mean", vec![vals(&[ulp, -ulp, 0.0]), vals(&[2.0 * ulp, -2.0 * ulp, ulp])]),
        Case::new(
            "mean_rounding_three",
            "Mean",
            vec![vals(&[ulp, 2.0 * ulp]), vals(&[ulp, 2.0 * ulp]), vals(&[2.0 * ulp, 0.0])],
        ),
        // the sum is exact past the range; only the mean is range-checked
        Case::new("mean_large_sum", "Mean", vec![vals(&[1.0e14, -1.4e14]), vals(&[1.0e14, -1.4e14])]),
        Case::new("mean_scale_32", "Mean", vec![r(&[5]), r(&[5]), r(&[1])]).scale(32),
    ]
}
