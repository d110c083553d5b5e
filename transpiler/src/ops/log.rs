//! Import of ONNX `Log`, which has no attributes (the `consumed_inputs`
//! attribute of opset 1 is reported as unsupported).

use cairn_runtime::ops::log::Log;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Log))
}

/// Emits `cairn::ops::log::log` (fixed point; integer tensors are refused
/// by the reference, so they cannot reach code generation).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let x = n.input(0)?;
    if !x.dtype.is_real() {
        return Err(format!("{} of an integer tensor", n.op_type));
    }
    Ok(crate::codegen::NodeCode::expr(format!("cairn::ops::log::log(sc, {})", x.expr)))
}
