//! Import of ONNX `OneHot`: `axis` (default -1).

use cairn_runtime::ops::one_hot::OneHot;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(OneHot { axis: a.int("axis", -1)? }))
}

/// Emits `cairn::ops::one_hot::one_hot(indices, outer, depth, inner, values)`;
/// `depth` must be a constant (it sets the output shape), the indices and
/// values may be computed.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &OneHot = n.kernel()?;
    let (idx, values) = (n.input(0)?, n.input(2)?);
    if idx.dtype.is_real() {
        return Err("OneHot indices must be integers".into());
    }
    let depth = match n.constant_ints(1, "depth")?.as_slice() {
        [d] if *d >= 1 => *d,
        _ => return Err("depth must be one positive integer".into()),
    };
    let axis = cairn_runtime::shape::normalize_axis(k.axis, idx.shape.len() + 1).map_err(|e| e.to_string())?;
    let outer: usize = idx.shape[..axis].iter().product();
    let inner: usize = idx.shape[axis..].iter().product();
    Ok(NodeCode::expr(format!(
        "cairn::ops::one_hot::one_hot({}, {outer}, {depth}, {inner}, {})",
        idx.expr, values.expr
    )))
}
