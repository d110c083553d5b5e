//! Import of ONNX `LogSoftmax`: `axis`, as for Softmax (default -1 from opset
//! 13; default 1 with 2-D coercion before).

use cairn_runtime::ops::log_softmax::LogSoftmax;
use cairn_runtime::ops::softmax::Softmax;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let legacy = a.opset < 13;
    let axis = a.int("axis", if legacy { 1 } else { -1 })?;
    Ok(Box::new(LogSoftmax(Softmax { axis, coerce_2d: legacy })))
}

/// Emits `cairn::ops::log_softmax::log_softmax` on the [outer, n, inner] view
/// of the input, computed as for Softmax.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &LogSoftmax = n.kernel()?;
    let x = n.input(0)?;
    if !x.dtype.is_real() {
        return Err("LogSoftmax of an integer tensor".into());
    }
    let shape = &x.shape;
    let axis = cairn_runtime::shape::normalize_axis(k.0.axis, shape.len()).map_err(|e| e.to_string())?;
    let outer: usize = shape[..axis].iter().product();
    let (len, inner) = if k.0.coerce_2d {
        (shape[axis..].iter().product::<usize>(), 1)
    } else {
        (shape[axis], shape[axis + 1..].iter().product::<usize>())
    };
    Ok(crate::codegen::NodeCode::expr(format!(
        "cairn::ops::log_softmax::log_softmax(sc, {}, {outer}, {len}, {inner})",
        x.expr
    )))
}
