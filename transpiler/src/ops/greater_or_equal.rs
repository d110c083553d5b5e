//! Import of ONNX `GreaterOrEqual`, which has no attributes.

use cairn_runtime::ops::greater_or_equal::GreaterOrEqual;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(GreaterOrEqual))
}

/// Emits `cairn::ops::greater_or_equal::greater_or_equal` with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::predicate_call(n, "greater_or_equal")
}
