//! Import of ONNX `ReduceSum`: `keepdims` (default 1), `noop_with_empty_axes`
//! (default 0); `axes` is an attribute before opset 13 and an input from 13.

use cairn_runtime::ops::reduce::ReduceAttrs;
use cairn_runtime::ops::reduce_sum::ReduceSum;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let axes_attr = if a.opset < 13 { a.ints_opt("axes")? } else { None };
    Ok(Box::new(ReduceSum {
        attrs: ReduceAttrs {
            axes_attr,
            keepdims: a.flag("keepdims", true)?,
            noop_with_empty_axes: a.flag("noop_with_empty_axes", false)?,
        },
    }))
}

/// Emits `cairn::ops::reduce_sum::reduce_sum` over the resolved axes (every axis
/// listed when none are given), in the tensor's domain; the identity
/// (`noop_with_empty_axes` without axes) passes the input through. The `axes`
/// input must be a constant.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    use crate::codegen::emit::{arith, shape_lit};
    use cairn_runtime::ops::reduce::reduce_axes;
    let k: &ReduceSum = n.kernel()?;
    let x = n.input(0)?;
    let axes = match &k.attrs.axes_attr {
        Some(a) => Some(a.clone()),
        None if n.optional_input(1).is_some() => Some(n.constant_ints(1, "axes")?),
        None => None,
    };
    let rank = x.shape.len();
    let Some(axes) = reduce_axes(axes, rank, k.attrs.noop_with_empty_axes).map_err(|e| e.to_string())? else {
        return super::gen::passthrough(n);
    };
    let axes: Vec<usize> = if axes.is_empty() { (0..rank).collect() } else { axes };
    Ok(crate::codegen::NodeCode::expr(format!(
        "cairn::ops::reduce_sum::reduce_sum({}, {}, {}, {})",
        arith(x.dtype),
        x.expr,
        shape_lit(&x.shape),
        shape_lit(&axes)
    )))
}
