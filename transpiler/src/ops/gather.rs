//! Import of ONNX `Gather`: `axis` (default 0).

use cairn_runtime::ops::gather::Gather;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Gather { axis: a.int("axis", 0)? }))
}

/// Emits `cairn::ops::gather::gather(data, shape, axis, indices)`; the indices
/// may be a constant or a runtime value (resolved and range-checked in Cairo).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let g: &Gather = n.kernel()?;
    let (x, idx) = (n.input(0)?, n.input(1)?);
    if idx.dtype.is_real() {
        return Err("Gather indices must be integers".into());
    }
    Ok(NodeCode::expr(format!(
        "cairn::ops::gather::gather({}, {}, {}, {})",
        x.expr,
        shape_lit(&x.shape),
        g.axis,
        idx.expr
    )))
}
