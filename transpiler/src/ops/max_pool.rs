//! Import of ONNX `MaxPool`: `auto_pad`, `ceil_mode`, `dilations`,
//! `kernel_shape` (required), `pads`, `storage_order`, `strides`.

use cairn_runtime::ops::max_pool::MaxPool;

use super::attrs::{Attrs, ImportResult};
use super::window::window_attrs;
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let window = window_attrs(a, true)?;
    if window.kernel_shape.is_none() {
        return Err("attribute 'kernel_shape' is required".into());
    }
    let storage_order = a.int("storage_order", 0)?;
    if !(0..=1).contains(&storage_order) {
        return Err(format!("storage_order must be 0 or 1, got {storage_order}"));
    }
    Ok(Box::new(MaxPool { window, storage_order }))
}

/// Emits `cairn::ops::max_pool::max_pool`, which returns (Y, Indices); the
/// indices are computed only when the node's second output is used. Passes
/// its input through when the Conv before it already pooled.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let m: &MaxPool = n.kernel()?;
    let x = n.input(0)?;
    if n.pool_folded {
        return Ok(NodeCode::expr(format!(
            "// the window maxima were taken by the convolution before (`NodeGen::pool_folded`)\n{}",
            x.expr
        )));
    }
    let used = |i: usize| n.outputs.get(i).is_some_and(|o| o.is_some());
    let (y, ind) = (used(0), used(1));
    if y && !ind {
        if let Some(code) = super::window::rows_2x2(&m.window, n.name, &x.expr, &x.shape, "cairn::ops::max_pool::max4")
        {
            return Ok(code);
        }
        if let Some(code) = inside_2d(m, &x.expr, &x.shape) {
            return Ok(NodeCode::expr(code));
        }
    }
    let (pattern, result) = match (y, ind) {
        (true, true) => ("(y, indices)", "(y, indices)"),
        (true, false) => ("(y, _)", "y"),
        (false, true) => ("(_, indices)", "indices"),
        (false, false) => return Err("MaxPool with no used output".into()),
    };
    Ok(NodeCode::expr(format!(
        "let attrs = {};\nlet {pattern} = cairn::ops::max_pool::max_pool({}, {}, attrs, {}, {ind});\n{result}",
        super::conv::window_attrs_lit(&m.window)?,
        x.expr,
        shape_lit(&x.shape),
        m.storage_order
    )))
}

/// `cairn::ops::max_pool::max_pool_2d_inside` when every window of a 2-D
/// pool lies inside the input, by the reference's own geometry (so padding
/// never competes and no window is clipped): the general kernel's result
/// without its run-time geometry tables.
fn inside_2d(m: &MaxPool, x: &str, shape: &[usize]) -> Option<String> {
    let [n, c, h, w] = *shape else { return None };
    let win = m.window.resolve(&[h, w], None).ok()?;
    if win.dilations.iter().any(|&d| d != 1) {
        return None;
    }
    let n_k: usize = win.kernel.iter().product();
    let taps = win.taps().ok()?;
    if taps.is_empty() || taps.iter().any(|t| t.valid.len() != n_k) {
        return None;
    }
    Some(format!(
        "cairn::ops::max_pool::max_pool_2d_inside({x}, {}, {h}, {w}, {}, {}, {}, {}, {}, {})",
        n * c,
        win.kernel[0],
        win.kernel[1],
        win.strides[0],
        win.strides[1],
        win.output[0],
        win.output[1]
    ))
}
