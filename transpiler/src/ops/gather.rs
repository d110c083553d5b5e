//! Import of ONNX `Gather`: `axis` (default 0).

use cairn_runtime::ops::gather::Gather;

use super::attrs::{Attrs, ImportResult};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Gather { axis: a.int("axis", 0)? }))
}
