//! Import of ONNX `GatherElements`: `axis` (default 0).

use cairn_runtime::ops::gather_elements::GatherElements;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(GatherElements { axis: a.int("axis", 0)? }))
}

/// Emits `cairn::ops::gather_elements::gather_elements(data, shape, axis,
/// indices, indices_shape)` with the axis normalized; the indices may be a
/// constant or a runtime value (resolved and range-checked in Cairo).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let g: &GatherElements = n.kernel()?;
    let (x, idx) = (n.input(0)?, n.input(1)?);
    if idx.dtype.is_real() {
        return Err("GatherElements indices must be integers".into());
    }
    let axis = cairn_runtime::shape::normalize_axis(g.axis, x.shape.len()).map_err(|e| e.to_string())?;
    Ok(NodeCode::expr(format!(
        "cairn::ops::gather_elements::gather_elements({}, {}, {axis}, {}, {})",
        x.expr,
        shape_lit(&x.shape),
        idx.expr,
        shape_lit(&idx.shape)
    )))
}
