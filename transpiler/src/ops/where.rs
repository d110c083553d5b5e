//! Import of ONNX `Where`, which has no attributes.

use cairn_runtime::ops::r#where::Where;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Where))
}

/// Emits `cairn::ops::where::where` with the three inputs broadcast to the
/// output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let (c, x, y, out) = (n.input(0)?, n.input(1)?, n.input(2)?, n.output(0)?);
    Ok(NodeCode::expr(format!(
        "cairn::ops::where::where({}, {}, {}, {}, {}, {}, {})",
        c.expr,
        shape_lit(&c.shape),
        x.expr,
        shape_lit(&x.shape),
        y.expr,
        shape_lit(&y.shape),
        shape_lit(&out.shape)
    )))
}
