//! Import of ONNX `ArgMin`: `axis` (default 0), `keepdims` (default 1),
//! `select_last_index` (default 0, opset ≥ 12).

use cairn_runtime::ops::arg_min::ArgMin;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ArgMin {
        axis: a.int("axis", 0)?,
        keepdims: a.flag("keepdims", true)?,
        select_last_index: a.flag("select_last_index", false)?,
    }))
}

/// Emits `cairn::ops::arg_min::arg_min` with the axis normalized (reals and
/// ints alike: only comparisons).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    use crate::codegen::emit::shape_lit;
    let k: &ArgMin = n.kernel()?;
    let x = n.input(0)?;
    let axis = cairn_runtime::shape::normalize_axis(k.axis, x.shape.len()).map_err(|e| e.to_string())?;
    Ok(crate::codegen::NodeCode::expr(format!(
        "cairn::ops::arg_min::arg_min({}, {}, {axis}, {})",
        x.expr,
        shape_lit(&x.shape),
        k.select_last_index
    )))
}
