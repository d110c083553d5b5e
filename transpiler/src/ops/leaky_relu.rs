//! Import of ONNX `LeakyRelu`: `alpha` (default 0.01).

use cairn_runtime::ops::leaky_relu::LeakyRelu;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(LeakyRelu { alpha: a.float("alpha", 0.01f32 as f64)? }))
}

/// Emits `cairn::ops::leaky_relu::leaky_relu` with alpha quantized at the model
/// scale exactly as the kernel does (`Option::None` when it cannot be: the
/// reference then fails on the first negative input, and so does the Cairo).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    use cairn_runtime::{Arith, FixedArith};
    let k: &LeakyRelu = n.kernel()?;
    let x = n.input(0)?;
    if !x.dtype.is_real() {
        return Err("LeakyRelu of an integer tensor".into());
    }
    let alpha = match FixedArith::new(n.scale).from_f64(k.alpha) {
        Ok(q) => format!("Option::Some({q})"),
        Err(_) => "Option::None".into(),
    };
    Ok(crate::codegen::NodeCode::expr(format!("cairn::ops::leaky_relu::leaky_relu(sc, {}, {alpha})", x.expr)))
}
