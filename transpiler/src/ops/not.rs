//! Import of ONNX `Not`, which has no attributes.

use cairn_runtime::ops::not::Not;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Not))
}

/// Emits `cairn::ops::not::not`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    Ok(NodeCode::expr(format!("cairn::ops::not::not({})", n.input(0)?.expr)))
}
