//! Import of ONNX `Abs`, which has no attributes (the `consumed_inputs`
//! attribute of opset 1 is reported as unsupported).

use cairn_runtime::ops::abs::Abs;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Abs))
}

/// Emits `cairn::ops::abs::abs` in the tensor's domain (reals or one integer type).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let x = n.input(0)?;
    Ok(crate::codegen::NodeCode::expr(format!(
        "cairn::ops::abs::abs({}, {})",
        crate::codegen::emit::arith(x.dtype),
        x.expr
    )))
}
