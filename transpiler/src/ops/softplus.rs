//! Import of ONNX `Softplus`, which has no attributes (the `consumed_inputs`
//! attribute of opset 1 is reported as unsupported).

use cairn_runtime::ops::softplus::Softplus;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Softplus))
}

/// Emits `cairn::ops::softplus::softplus` (fixed point; integer tensors are refused
/// by the reference, so they cannot reach code generation).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let x = n.input(0)?;
    if !x.dtype.is_real() {
        return Err(format!("{} of an integer tensor", n.op_type));
    }
    Ok(crate::codegen::NodeCode::expr(format!("cairn::ops::softplus::softplus(sc, {})", x.expr)))
}
