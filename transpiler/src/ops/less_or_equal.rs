//! Import of ONNX `LessOrEqual`, which has no attributes.

use cairn_runtime::ops::less_or_equal::LessOrEqual;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(LessOrEqual))
}

/// Emits `cairn::ops::less_or_equal::less_or_equal` with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::predicate_call(n, "less_or_equal")
}
