//! Import of ONNX `Or`, which has no attributes.

use cairn_runtime::ops::or::Or;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Or))
}

/// Emits `cairn::ops::or::or` with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::predicate_call(n, "or")
}
