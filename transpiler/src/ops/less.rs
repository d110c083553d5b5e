//! Import of ONNX `Less`, which has no attributes.

use cairn_runtime::ops::less::Less;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Less))
}

/// Emits `cairn::ops::less::less` with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::predicate_call(n, "less")
}
