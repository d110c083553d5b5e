//! Import of ONNX `Flatten`: `axis` (default 1).

use cairn_runtime::ops::flatten::Flatten;

use super::attrs::{Attrs, ImportResult};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Flatten { axis: a.int("axis", 1)? }))
}
