//! Import of ONNX `Gather`: `axis` (default 0).

use cairn_runtime::ops::gather::Gather;

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Gather { axis: a.int("axis", 0)? }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
