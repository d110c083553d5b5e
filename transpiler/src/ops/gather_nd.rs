//! Import of ONNX `GatherND`: `batch_dims` (default 0, opset ≥ 12).

use cairn_runtime::ops::gather_nd::GatherND;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(GatherND { batch_dims: a.int("batch_dims", 0)? }))
}

/// Emits `cairn::ops::gather_nd::gather_nd(data, shape, indices,
/// indices_shape, batch_dims)`; the indices may be a constant or a runtime
/// value (resolved and range-checked in Cairo). The geometry was checked by
/// the reference's shape inference.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let g: &GatherND = n.kernel()?;
    let (x, idx) = (n.input(0)?, n.input(1)?);
    if idx.dtype.is_real() {
        return Err("GatherND indices must be integers".into());
    }
    Ok(NodeCode::expr(format!(
        "cairn::ops::gather_nd::gather_nd({}, {}, {}, {}, {})",
        x.expr,
        shape_lit(&x.shape),
        idx.expr,
        shape_lit(&idx.shape),
        g.batch_dims
    )))
}
