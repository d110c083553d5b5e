use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let c = |v: i64| Input::ConstInt { shape: vec![], values: vec![v] };
    // the inputs are constants, so the node folds: the expected values are the
    // output constant the generated program returns
    vec![
        Case::new("range_positive_delta", "Range", vec![c(1), c(8), c(2)]),
        Case::new("range_exact_end", "Range", vec![c(-3), c(3), c(3)]),
        Case::new("range_negative_delta", "Range", vec![c(10), c(3), c(-3)]),
        Case::new("range_empty", "Range", vec![c(5), c(1), c(1)]),
        Case::new("range_wide_steps", "Range", vec![c(i64::MIN), c(i64::MAX), c(i64::MAX)]),
    ]
}
