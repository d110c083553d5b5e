use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    let a = [7.0, -7.0, 7.0, -7.0, 6.0, -6.0, 5.25, -5.25, 0.0];
    let b = [3.0, 3.0, -3.0, -3.0, 3.0, 3.0, 1.5, 1.5, 2.0];
    vec![
        Case::new("mod_fmod_signs", "Mod", vec![vals(&a), vals(&b)]).int("fmod", 1),
        Case::new("mod_floored_signs", "Mod", vec![vals(&a), vals(&b)]),
        Case::new("mod_fmod_seeded", "Mod", vec![r(&[2, 4], 20.0), r(&[4], 3.0)]).int("fmod", 1),
        Case::new("mod_floored_seeded", "Mod", vec![r(&[3, 1], 20.0), r(&[1, 4], 3.0)]),
        Case::new("mod_by_zero", "Mod", vec![vals(&[1.0, 2.0]), vals(&[1.0, 0.0])]).int("fmod", 1),
        Case::new(
            "mod_extremes",
            "Mod",
            vec![vals(&[-140737488355328.0, 140737488355327.0]), vals(&[-1.0 / 65536.0, -3.0])],
        ),
        Case::new(
            "mod_int32",
            "Mod",
            vec![int(DType::I32, &[7, -7, 7, -7, -2147483648]), int(DType::I32, &[3, 3, -3, -3, -1])],
        ),
        Case::new(
            "mod_int64_fmod",
            "Mod",
            vec![int(DType::I64, &[7, -7, 7, -7, i64::MIN]), int(DType::I64, &[3, 3, -3, -3, 10])],
        )
        .int("fmod", 1),
        Case::new("mod_uint8", "Mod", vec![int(DType::U8, &[255, 7, 0]), int(DType::U8, &[16, 7, 3])]),
        Case::new("mod_int_by_zero", "Mod", vec![int(DType::I16, &[5]), int(DType::I16, &[0])]),
        Case::new("mod_opset_10", "Mod", vec![vals(&[5.5, -5.5]), vals(&[2.0, 2.0])]).opset(10).int("fmod", 1),
        Case::new("mod_scale_32", "Mod", vec![r(&[6], 100.0), r(&[6], 7.0)]).scale(32).int("fmod", 1),
    ]
}
