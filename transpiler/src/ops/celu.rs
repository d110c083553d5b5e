//! Import of ONNX `Celu`: `alpha` (default 1; must be positive).

use cairn_runtime::ops::celu::Celu;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let alpha = a.float("alpha", 1.0)?;
    if alpha.is_nan() || alpha <= 0.0 {
        return Err(format!("attribute 'alpha' must be positive, got {alpha}"));
    }
    Ok(Box::new(Celu { alpha }))
}

/// Emits `cairn::ops::celu::celu(sc, x, alpha_q)`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Celu = n.kernel()?;
    super::gen::real_unary_with_attrs(n, "celu", &[k.alpha])
}
