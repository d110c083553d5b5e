//! Import of ONNX `HardSigmoid`: `alpha` (default 0.2), `beta` (default 0.5).

use cairn_runtime::ops::hard_sigmoid::HardSigmoid;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(HardSigmoid { alpha: a.float("alpha", 0.2f32 as f64)?, beta: a.float("beta", 0.5)? }))
}

/// Emits `cairn::ops::hard_sigmoid::hard_sigmoid(sc, x, alpha_q, beta_q)`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &HardSigmoid = n.kernel()?;
    super::gen::real_unary_with_attrs(n, "hard_sigmoid", &[k.alpha, k.beta])
}
