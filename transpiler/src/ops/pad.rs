//! Import of ONNX `Pad`: `mode` (constant, reflect, edge, wrap); `pads` and
//! `value` are attributes before opset 11 and inputs from 11.

use cairn_runtime::ops::pad::{LegacyPad, Pad, PadMode};

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

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

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
