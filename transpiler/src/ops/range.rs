//! Import of ONNX `Range`, which has no attributes.

use cairn_runtime::ops::range::{count, Range};

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Range))
}

/// Emits `cairn::ops::range::range(start, delta, n)`. The three inputs must
/// be constants (the length depends on them); the framework then folds the
/// node, so this only runs if it stops doing so.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let scalar = |i: usize, what: &str| match n.constant_ints(i, what)?.as_slice() {
        [v] => Ok(*v),
        _ => Err(format!("{what} must be a scalar")),
    };
    let (start, limit, delta) = (scalar(0, "start")?, scalar(1, "limit")?, scalar(2, "delta")?);
    let len = count(start, limit, delta).map_err(|e| e.to_string())?;
    Ok(NodeCode::expr(format!("cairn::ops::range::range({start}, {delta}, {len})")))
}
