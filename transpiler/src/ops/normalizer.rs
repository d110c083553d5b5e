//! Import of `ai.onnx.ml.Normalizer`: `norm` (MAX, L1 or L2).

use cairn_runtime::ops::normalizer::{Norm, Normalizer};

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let norm = match a.string("norm", "MAX")?.as_str() {
        "MAX" => Norm::Max,
        "L1" => Norm::L1,
        "L2" => Norm::L2,
        other => return Err(format!("unknown norm '{other}'")),
    };
    Ok(Box::new(Normalizer { norm }))
}

/// Emits `cairn::ops::normalizer::normalizer` (0 MAX, 1 L1, 2 L2).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Normalizer = n.kernel()?;
    let (x, rows, cols) = super::ml::features(n.input(0)?)?;
    let norm = match k.norm {
        Norm::Max => 0,
        Norm::L1 => 1,
        Norm::L2 => 2,
    };
    Ok(NodeCode::expr(format!("cairn::ops::normalizer::normalizer(sc, {x}, {rows}, {cols}, {norm})")))
}
