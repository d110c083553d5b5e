//! Import of ONNX `And`, which has no attributes.

use cairn_runtime::ops::and::And;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(And))
}

/// Emits `cairn::ops::and::and` with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::predicate_call(n, "and")
}
