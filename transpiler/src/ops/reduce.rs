//! What the Reduce* operators share: their attributes (`keepdims`, default 1;
//! `noop_with_empty_axes`, default 0; `axes` an attribute before the opset
//! that made it an input) and their code (one library call over the resolved
//! axes, or the identity).

use cairn_runtime::ops::reduce::{reduce_axes, ReduceAttrs};

use super::attrs::Attrs;
use super::CodegenResult;
use crate::codegen::emit::{arith, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

/// The attributes; `axes_input_from` is the opset from which `axes` is an input.
pub(super) fn attrs(a: &Attrs, axes_input_from: i64) -> Result<ReduceAttrs, String> {
    let axes_attr = if a.opset < axes_input_from { a.ints_opt("axes")? } else { None };
    Ok(ReduceAttrs {
        axes_attr,
        keepdims: a.flag("keepdims", true)?,
        noop_with_empty_axes: a.flag("noop_with_empty_axes", false)?,
    })
}

/// Emits `cairn::ops::<stem>::<stem>` over the resolved axes (every axis
/// listed when none are given), in the tensor's domain; the identity
/// (`noop_with_empty_axes` without axes) passes the input through. The `axes`
/// input must be a constant.
pub(super) fn codegen(n: &NodeGen, attrs: &ReduceAttrs, stem: &str) -> CodegenResult {
    let x = n.input(0)?;
    let Some(axes) = resolved_axes(n, attrs)? else {
        return super::gen::passthrough(n);
    };
    Ok(NodeCode::expr(format!(
        "cairn::ops::{stem}::{stem}({}, {}, {}, {})",
        arith(x.dtype),
        x.expr,
        shape_lit(&x.shape),
        shape_lit(&axes)
    )))
}

/// The reduced axes of a node (every axis listed when none are given), or
/// `None` for the identity. The `axes` input must be a constant.
pub(super) fn resolved_axes(n: &NodeGen, attrs: &ReduceAttrs) -> Result<Option<Vec<usize>>, String> {
    let rank = n.input(0)?.shape.len();
    let axes = match &attrs.axes_attr {
        Some(a) => Some(a.clone()),
        None if n.optional_input(1).is_some() => Some(n.constant_ints(1, "axes")?),
        None => None,
    };
    let axes = reduce_axes(axes, rank, attrs.noop_with_empty_axes).map_err(|e| e.to_string())?;
    Ok(axes.map(|a| if a.is_empty() { (0..rank).collect() } else { a }))
}

/// Emits `cairn::ops::<stem>::<stem>(x, shape, axes, empty)` for ReduceMax
/// (`max`) and ReduceMin: `empty`, the value over no elements, is the integer
/// type's minimum (maximum) and `Option::None` for reals, where the reference
/// fails and the Cairo panics.
pub(super) fn extremum_codegen(n: &NodeGen, attrs: &ReduceAttrs, stem: &str, max: bool) -> CodegenResult {
    let x = n.input(0)?;
    let Some(axes) = resolved_axes(n, attrs)? else {
        return super::gen::passthrough(n);
    };
    let empty = if x.dtype.is_real() {
        "Option::None".to_string()
    } else {
        let (lo, hi) = x.dtype.int_range();
        format!("Option::Some({})", if max { lo } else { hi })
    };
    Ok(NodeCode::expr(format!(
        "cairn::ops::{stem}::{stem}({}, {}, {}, {empty})",
        x.expr,
        shape_lit(&x.shape),
        shape_lit(&axes)
    )))
}
