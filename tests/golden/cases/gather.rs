use crate::golden::case::Case;

pub fn cases() -> Vec<Case> {
    Vec::new()
}
