//! Import of ONNX `Size`, which has no attributes.

use cairn_runtime::ops::size::Size;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Size))
}

/// Emits the element count through `cairn::ops::size::size`. (The framework
/// folds Size nodes at transpile time, every shape being known, so this only
/// runs if it stops doing so.)
pub fn codegen(n: &NodeGen) -> CodegenResult {
    Ok(NodeCode::expr(format!("cairn::ops::size::size({})", n.input(0)?.len())))
}
