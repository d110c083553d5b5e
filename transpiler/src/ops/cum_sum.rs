//! Import of ONNX `CumSum`: `exclusive`, `reverse` (both default 0); `axis` is
//! the second input, which must be a constant for code generation.

use cairn_runtime::ops::cum_sum::CumSum;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::{arith, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(CumSum { exclusive: a.flag("exclusive", false)?, reverse: a.flag("reverse", false)? }))
}

/// Emits `cairn::ops::cum_sum::cum_sum(ar, x, shape, axis, exclusive,
/// reverse)` in the tensor's domain, with the constant axis normalized.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let c: &CumSum = n.kernel()?;
    let x = n.input(0)?;
    let axis = match n.constant_ints(1, "axis")?.as_slice() {
        [a] => cairn_runtime::shape::normalize_axis(*a, x.shape.len()).map_err(|e| e.to_string())?,
        _ => return Err("axis must be a scalar".into()),
    };
    Ok(NodeCode::expr(format!(
        "cairn::ops::cum_sum::cum_sum({}, {}, {}, {axis}, {}, {})",
        arith(x.dtype),
        x.expr,
        shape_lit(&x.shape),
        c.exclusive,
        c.reverse
    )))
}
