//! Import of ONNX `Sign`, which has no attributes (the `consumed_inputs`
//! attribute of opset 1 is reported as unsupported).

use cairn_runtime::ops::sign::Sign;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Sign))
}

/// Emits `cairn::ops::sign::sign` in the tensor's domain (reals or one integer type).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let x = n.input(0)?;
    Ok(crate::codegen::NodeCode::expr(format!(
        "cairn::ops::sign::sign({}, {})",
        crate::codegen::emit::arith(x.dtype),
        x.expr
    )))
}
