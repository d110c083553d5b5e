//! Import of ONNX `Sigmoid`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::sigmoid::Sigmoid;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Sigmoid))
}

/// Emits `cairn::ops::sigmoid::sigmoid` (fixed point; integer tensors are refused
/// by the reference, so they cannot reach code generation).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let x = n.input(0)?;
    if !x.dtype.is_real() {
        return Err(format!("{} of an integer tensor", n.op_type));
    }
    Ok(crate::codegen::NodeCode::expr(format!("cairn::ops::sigmoid::sigmoid(sc, {})", x.expr)))
}
