//! Import of ONNX `Equal`, which has no attributes.

use cairn_runtime::ops::equal::Equal;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Equal))
}

/// Emits `cairn::ops::equal::equal` with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::predicate_call(n, "equal")
}
