//! Import of ONNX `Xor`, which has no attributes.

use cairn_runtime::ops::xor::Xor;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Xor))
}

/// Emits `cairn::ops::xor::xor` with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::predicate_call(n, "xor")
}
