//! Import of ONNX `AveragePool`: `auto_pad`, `ceil_mode`, `count_include_pad`,
//! `dilations`, `kernel_shape` (required), `pads`, `strides`.

use cairn_runtime::ops::average_pool::AveragePool;

use super::attrs::{Attrs, ImportResult};
use super::window::window_attrs;
use super::CodegenResult;
use crate::codegen::emit::{arith, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let window = window_attrs(a, true)?;
    if window.kernel_shape.is_none() {
        return Err("attribute 'kernel_shape' is required".into());
    }
    Ok(Box::new(AveragePool { window, count_include_pad: a.flag("count_include_pad", false)? }))
}

/// Emits `cairn::ops::average_pool::average_pool` with the node's window
/// attributes (geometry computed in Cairo) and `count_include_pad`; 2×2
/// windows with stride 2 inside a real input (no padding: every count is 4)
/// take the unrolled row form with `mean4`. Passes its input through when
/// the Conv before it already pooled.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let a: &AveragePool = n.kernel()?;
    let x = n.input(0)?;
    if n.pool_folded {
        return Ok(NodeCode::expr(format!(
            "// the window means were taken by the convolution before (`NodeGen::pool_folded`)\n{}",
            x.expr
        )));
    }
    if x.dtype.is_real() {
        if let Some(code) =
            super::window::rows_2x2(&a.window, n.name, &x.expr, &x.shape, "cairn::ops::average_pool::mean4")
        {
            return Ok(code);
        }
    }
    Ok(NodeCode::expr(format!(
        "let attrs = {};\ncairn::ops::average_pool::average_pool({}, {}, {}, attrs, {})",
        super::conv::window_attrs_lit(&a.window)?,
        arith(x.dtype),
        x.expr,
        shape_lit(&x.shape),
        a.count_include_pad
    )))
}
