//! Import of ONNX `Transpose`: `perm` (default: reversed axes).

use cairn_runtime::ops::transpose::Transpose;

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Transpose { perm: a.ints_opt("perm")? }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
