//! Import of ONNX `TopK`: `axis` (default −1); `k` an attribute at opset 1 and
//! the second input from opset 10; `largest` and `sorted` (default 1) from
//! opset 11. `sorted = 0` leaves the order free, so the sorted order the
//! kernel always produces is accepted for it too.

use cairn_runtime::ops::top_k::TopK;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let k = if a.opset < 10 { Some(a.int_opt("k")?.ok_or("attribute 'k' is required before opset 10")?) } else { None };
    let (largest, _sorted) =
        if a.opset >= 11 { (a.flag("largest", true)?, a.flag("sorted", true)?) } else { (true, true) };
    Ok(Box::new(TopK { axis: a.int("axis", -1)?, largest, k }))
}

/// Emits `cairn::ops::top_k::top_k` with the axis normalized and `k` known
/// at transpile time (reals and ints alike: only comparisons).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let top: &TopK = n.kernel()?;
    let x = n.input(0)?;
    let axis = cairn_runtime::shape::normalize_axis(top.axis, x.shape.len()).map_err(|e| e.to_string())?;
    let k = match top.k {
        Some(k) => k,
        None => match n.constant_ints(1, "K")?.as_slice() {
            [k] => *k,
            other => return Err(format!("K must hold one value, got {other:?}")),
        },
    };
    let dim = x.shape[axis] as i64;
    if !(0..=dim).contains(&k) {
        return Err(format!("K = {k} is outside [0, {dim}] (the axis length)"));
    }
    let call = format!("cairn::ops::top_k::top_k({}, {}, {axis}, {k}, {})", x.expr, shape_lit(&x.shape), top.largest);
    Ok(NodeCode::expr(super::gen::select_outputs(n, &["values", "indices"], &call)))
}
