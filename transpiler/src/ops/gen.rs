//! Helpers shared by the operators' code generators.

use super::CodegenResult;
use crate::codegen::emit::{arith, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

/// `cairn::ops::<stem>::<stem>(ar, a, a_shape, b, b_shape, out_shape)` for the
/// broadcasting element-wise binaries.
pub fn binary_call(n: &NodeGen, stem: &str) -> CodegenResult {
    let (a, b, y) = (n.input(0)?, n.input(1)?, n.output(0)?);
    Ok(NodeCode::expr(format!(
        "cairn::ops::{stem}::{stem}({}, {}, {}, {}, {}, {})",
        arith(a.dtype),
        a.expr,
        shape_lit(&a.shape),
        b.expr,
        shape_lit(&b.shape),
        shape_lit(&y.shape)
    )))
}

/// Operators that only change the shape: the data passes through unchanged.
pub fn passthrough(n: &NodeGen) -> CodegenResult {
    Ok(NodeCode::expr(n.input(0)?.expr.clone()))
}

/// `cairn::ops::<stem>::<stem>(a, a_shape, b, b_shape, out_shape)` for the
/// broadcasting comparisons and logical operators (no number domain: they
/// compare stored values).
pub fn predicate_call(n: &NodeGen, stem: &str) -> CodegenResult {
    let (a, b, y) = (n.input(0)?, n.input(1)?, n.output(0)?);
    Ok(NodeCode::expr(format!(
        "cairn::ops::{stem}::{stem}({}, {}, {}, {}, {})",
        a.expr,
        shape_lit(&a.shape),
        b.expr,
        shape_lit(&b.shape),
        shape_lit(&y.shape)
    )))
}
