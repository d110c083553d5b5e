//! Import of `ai.onnx.ml.Binarizer`: `threshold` (default 0).

use cairn_runtime::ops::binarizer::Binarizer;
use cairn_runtime::{Arith, FixedArith, IntArith};

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let threshold = a.float("threshold", 0.0)?;
    if !threshold.is_finite() {
        return Err("threshold must be a finite number".into());
    }
    Ok(Box::new(Binarizer { threshold }))
}

/// Emits `cairn::ops::binarizer::binarizer` with the threshold's floor in the
/// input's domain (the reference's `bracket`).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Binarizer = n.kernel()?;
    let x = n.input(0)?;
    let (floor, one) = if x.dtype.is_real() {
        (FixedArith::new(n.scale).bracket(k.threshold).0, "sc.one".to_string())
    } else {
        (IntArith::new(x.dtype).bracket(k.threshold).0, "1".to_string())
    };
    Ok(NodeCode::expr(format!("cairn::ops::binarizer::binarizer({}, {floor}, {one})", x.expr)))
}
