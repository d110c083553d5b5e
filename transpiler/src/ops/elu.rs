//! Import of ONNX `Elu`: `alpha` (default 1).

use cairn_runtime::ops::elu::Elu;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Elu { alpha: a.float("alpha", 1.0)? }))
}

/// Emits `cairn::ops::elu::elu(sc, x, alpha_q)`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Elu = n.kernel()?;
    super::gen::real_unary_with_attrs(n, "elu", &[k.alpha])
}
