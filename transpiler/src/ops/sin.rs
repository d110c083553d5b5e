//! Import of ONNX `Sin`, which has no attributes.

use cairn_runtime::ops::sin::Sin;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Sin))
}

/// Emits `cairn::ops::sin::sin` (fixed point; integer tensors are refused
/// by the reference, so they cannot reach code generation).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let x = n.input(0)?;
    if !x.dtype.is_real() {
        return Err(format!("{} of an integer tensor", n.op_type));
    }
    Ok(crate::codegen::NodeCode::expr(format!("cairn::ops::sin::sin(sc, {})", x.expr)))
}
