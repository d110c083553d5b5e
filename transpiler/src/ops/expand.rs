//! Import of ONNX `Expand`, which has no attributes.

use cairn_runtime::ops::expand::Expand;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Expand))
}

/// Emits `cairn::ops::expand::expand` to the output shape; `shape` must be a
/// constant (it fixes the output's size).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let (x, y) = (n.input(0)?, n.output(0)?);
    n.constant_ints(1, "shape")?;
    Ok(NodeCode::expr(format!(
        "cairn::ops::expand::expand({}, {}, {})",
        x.expr,
        shape_lit(&x.shape),
        shape_lit(&y.shape)
    )))
}
