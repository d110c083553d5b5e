//! Import of ONNX `Conv`: `auto_pad`, `dilations`, `group`, `kernel_shape`,
//! `pads`, `strides`.

use cairn_runtime::ops::conv::Conv;
use cairn_runtime::ops::window::{AutoPad, WindowAttrs};

use super::attrs::{Attrs, ImportResult};
use super::window::window_attrs;
use super::CodegenResult;
use crate::codegen::emit::{arith, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let group = a.int("group", 1)?;
    if group < 1 {
        return Err(format!("group must be ≥ 1, got {group}"));
    }
    Ok(Box::new(Conv { window: window_attrs(a, false)?, group: group as usize }))
}

/// Emits the generic `cairn::ops::conv::conv` (runtime shapes, any weights):
/// the window attributes are passed as on the node, the geometry is computed
/// in Cairo; the bias (optional) joins the exact sum before the one rounding.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let c: &Conv = n.kernel()?;
    let (x, w) = (n.input(0)?, n.input(1)?);
    let bias = match n.optional_input(2) {
        Some(b) => format!("Option::Some(({}, {}))", b.expr, shape_lit(&b.shape)),
        None => "Option::None".into(),
    };
    Ok(NodeCode::expr(format!(
        "let attrs = {};\ncairn::ops::conv::conv({}, {}, {}, {}, {}, {bias}, {}, attrs)",
        window_attrs_lit(&c.window)?,
        arith(x.dtype),
        x.expr,
        shape_lit(&x.shape),
        w.expr,
        shape_lit(&w.shape),
        c.group
    )))
}

/// A `cairn::ops::window::WindowAttrs` literal for the node's window
/// attributes; absent lists become empty spans (the ONNX defaults, and for
/// Conv the kernel size of W).
pub(super) fn window_attrs_lit(w: &WindowAttrs) -> Result<String, String> {
    let list = |v: &Option<Vec<i64>>, what: &str| -> Result<String, String> {
        match v {
            None => Ok("array![].span()".into()),
            Some(v) => {
                let d: Vec<usize> = v
                    .iter()
                    .map(|&x| usize::try_from(x).map_err(|_| format!("{what} {v:?} has a negative value")))
                    .collect::<Result<_, _>>()?;
                Ok(shape_lit(&d))
            }
        }
    };
    let auto_pad = match w.auto_pad {
        AutoPad::NotSet => "NotSet",
        AutoPad::SameUpper => "SameUpper",
        AutoPad::SameLower => "SameLower",
        AutoPad::Valid => "Valid",
    };
    Ok(format!(
        "cairn::ops::window::WindowAttrs {{\n    auto_pad: cairn::ops::window::AutoPad::{auto_pad},\n    \
         kernel: {},\n    strides: {},\n    dilations: {},\n    pads: {},\n    ceil_mode: {},\n}}",
        list(&w.kernel_shape, "kernel_shape")?,
        list(&w.strides, "strides")?,
        list(&w.dilations, "dilations")?,
        list(&w.pads, "pads")?,
        w.ceil_mode
    ))
}
