//! Import of ONNX `Pad`: `mode` (constant, reflect, edge, wrap); `pads` and
//! `value` are attributes before opset 11 and inputs from 11.

use cairn_runtime::ops::pad::{LegacyPad, Pad, PadMode};

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::{int_span, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let mode = match a.string("mode", "constant")?.as_str() {
        "constant" => PadMode::Constant,
        "reflect" => PadMode::Reflect,
        "edge" => PadMode::Edge,
        "wrap" => PadMode::Wrap,
        other => return Err(format!("mode '{other}' is not one of constant, reflect, edge, wrap")),
    };
    let legacy = if a.opset < 11 {
        let pads = a.ints_opt("pads")?.ok_or("attribute 'pads' is required")?;
        Some(LegacyPad { pads, value: a.float("value", 0.0)? })
    } else {
        None
    };
    Ok(Box::new(Pad { mode, legacy }))
}

/// Emits `cairn::ops::pad::pad(x, shape, pads, axes, mode, fill)`. `pads` and
/// `axes` (int64 values) must be known at transpile time (they determine the
/// output shape); the fill is the legacy `value` attribute (quantized here as
/// the kernel does), else the first element of the `constant_value` input
/// (a constant or a runtime value), else 0.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    use cairn_runtime::{Arith, FixedArith};
    let p: &Pad = n.kernel()?;
    let x = n.input(0)?;
    let (pads, axes, fill) = match &p.legacy {
        Some(l) => {
            let fill = if x.dtype.is_real() {
                FixedArith::new(n.scale).from_f64(l.value).map_err(|e| e.to_string())?
            } else {
                l.value as i64
            };
            (int_span(&l.pads), "Option::None".to_string(), fill.to_string())
        }
        None => {
            n.constant_ints(1, "pads")?;
            let pads = n.input(1)?.expr.clone();
            let axes = match n.optional_input(3) {
                Some(a) => {
                    n.constant_ints(3, "axes")?;
                    format!("Option::Some({})", a.expr)
                }
                None => "Option::None".into(),
            };
            let fill = match n.optional_input(2) {
                None => "0".to_string(),
                Some(v) if v.is_empty() => "0".to_string(),
                Some(v) if v.len() == 1 => format!("*{}.at(0)", v.expr),
                Some(v) => return Err(format!("constant_value must be a scalar, has {} elements", v.len())),
            };
            (pads, axes, fill)
        }
    };
    let mode = match p.mode {
        PadMode::Constant => "Constant",
        PadMode::Reflect => "Reflect",
        PadMode::Edge => "Edge",
        PadMode::Wrap => "Wrap",
    };
    Ok(NodeCode::expr(format!(
        "cairn::ops::pad::pad({}, {}, {pads}, {axes}, cairn::ops::pad::PadMode::{mode}, {fill})",
        x.expr,
        shape_lit(&x.shape)
    )))
}
