//! Import of `ai.onnx.ml.Scaler`: `offset`, `scale` (floats).

use cairn_runtime::ops::scaler::Scaler;

use super::attrs::{Attrs, ImportResult};
use super::ml::{reals, Consts};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let offset = reals(a, "offset")?;
    let scale = reals(a, "scale")?;
    if offset.is_empty() || scale.is_empty() {
        return Err("offset and scale need at least one value".into());
    }
    Ok(Box::new(Scaler { offset, scale }))
}

/// Emits `cairn::ops::scaler::scaler` with the quantized offset and scale.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Scaler = n.kernel()?;
    let x = n.input(0)?;
    let features = x.shape.last().copied().unwrap_or(1);
    let mut c = Consts::new(n);
    let offset = c.quantized("offset", &k.offset, n.scale)?;
    let scale = c.quantized("scale", &k.scale, n.scale)?;
    let xs = format!("cairn::ops::ml::reals(sc, {}, {})", x.expr, !x.dtype.is_real());
    Ok(NodeCode {
        items: c.items,
        body: format!("cairn::ops::scaler::scaler(sc, {xs}, {features}, {offset}, {scale})"),
    })
}
