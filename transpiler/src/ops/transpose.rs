//! Import of ONNX `Transpose`: `perm` (default: reversed axes).

use cairn_runtime::ops::transpose::Transpose;

use super::attrs::{Attrs, ImportResult};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Transpose { perm: a.ints_opt("perm")? }))
}
