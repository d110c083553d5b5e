//! Import of ONNX `Relu`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::relu::Relu;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Relu))
}

/// Emits `cairn::ops::relu::relu` (a comparison; same for reals and ints),
/// or passes the input through when the dense layer before it already
/// applied max(0, ·) in its rounding (`NodeGen::activation`).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let x = &n.input(0)?.expr;
    if n.activation.is_some() {
        return Ok(crate::codegen::NodeCode::expr(format!(
            "// max(0, ·) applied by the rounding of the layer before
{x}"
        )));
    }
    Ok(crate::codegen::NodeCode::expr(format!("cairn::ops::relu::relu({x})")))
}
