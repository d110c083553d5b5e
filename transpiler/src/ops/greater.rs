//! Import of ONNX `Greater`, which has no attributes.

use cairn_runtime::ops::greater::Greater;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Greater))
}

/// Emits `cairn::ops::greater::greater` with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::predicate_call(n, "greater")
}
