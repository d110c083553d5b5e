//! Import of ONNX `Selu`: `alpha` and `gamma` (defaults: the f32 values of the
//! self-normalizing constants, 1.67326319217681884765625 and 1.05070102214813232421875).

use cairn_runtime::ops::selu::{Selu, DEFAULT_ALPHA, DEFAULT_GAMMA};

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Selu { alpha: a.float("alpha", DEFAULT_ALPHA)?, gamma: a.float("gamma", DEFAULT_GAMMA)? }))
}

/// Emits `cairn::ops::selu::selu(sc, x, gamma_q, (alpha·gamma)_q)`, the constants
/// quantized as the kernel does.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Selu = n.kernel()?;
    super::gen::real_unary_with_attrs(n, "selu", &[k.gamma, k.alpha * k.gamma])
}
