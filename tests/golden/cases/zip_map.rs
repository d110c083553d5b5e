use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    vec![
        Case::new("zip_map_ints", "ZipMap", vec![r(&[2, 3], 1.0)]).ml(1).ints("classlabels_int64s", &[0, 1, 2]),
        Case::new("zip_map_strings", "ZipMap", vec![r(&[3, 2], 1.0)])
            .ml(1)
            .strings("classlabels_strings", &["no", "yes"]),
    ]
}
