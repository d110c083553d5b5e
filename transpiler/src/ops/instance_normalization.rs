//! Import of ONNX `InstanceNormalization`: `epsilon` (default 1e-5).

use cairn_runtime::ops::instance_normalization::InstanceNormalization;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(InstanceNormalization { epsilon: a.float("epsilon", 1e-5f32 as f64)? }))
}

/// `Option::Some(ε)` quantized at the model scale, or `Option::None` when it
/// cannot be (the reference then always fails, and so does the Cairo code).
pub fn epsilon_expr(n: &NodeGen, epsilon: f64) -> String {
    use cairn_runtime::{Arith, FixedArith};
    match FixedArith::new(n.scale).from_f64(epsilon) {
        Ok(q) => format!("Option::Some({q})"),
        Err(_) => "Option::None".into(),
    }
}

/// Emits `cairn::ops::instance_normalization::instance_normalization`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &InstanceNormalization = n.kernel()?;
    let x = n.input(0)?;
    if !x.dtype.is_real() || x.shape.len() < 3 {
        return Err("InstanceNormalization needs a real X of rank >= 3".into());
    }
    let spatial: usize = x.shape[2..].iter().product();
    Ok(NodeCode::expr(format!(
        "cairn::ops::instance_normalization::instance_normalization(sc, {}, {}, {spatial}, {}, {}, {})",
        x.expr,
        x.shape[1],
        n.input(1)?.expr,
        n.input(2)?.expr,
        epsilon_expr(n, k.epsilon)
    )))
}
