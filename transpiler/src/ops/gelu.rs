//! Import of ONNX `Gelu` (opset 20): `approximate` = "none" (default) or "tanh".

use cairn_runtime::ops::gelu::Gelu;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let tanh = match a.string_opt("approximate")?.as_deref() {
        None | Some("none") => false,
        Some("tanh") => true,
        Some(other) => return Err(format!("attribute 'approximate' must be \"none\" or \"tanh\", got {other:?}")),
    };
    Ok(Box::new(Gelu { tanh }))
}

/// Emits `cairn::ops::gelu::gelu` or `gelu_tanh`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Gelu = n.kernel()?;
    let x = n.input(0)?;
    if !x.dtype.is_real() {
        return Err("Gelu of an integer tensor".into());
    }
    let f = if k.tanh { "gelu_tanh" } else { "gelu" };
    Ok(crate::codegen::NodeCode::expr(format!("cairn::ops::gelu::{f}(sc, {})", x.expr)))
}
