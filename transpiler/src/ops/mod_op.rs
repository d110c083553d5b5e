//! Import of ONNX `Mod`: `fmod` (0 or 1, default 0). The file is `mod_op.rs`
//! because `mod` is a keyword (see [`super::stem`]).

use cairn_runtime::ops::mod_op::Mod;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Mod { fmod: a.flag("fmod", false)? }))
}

/// Emits `cairn::ops::mod_op::modulo(a, a_shape, b, b_shape, out_shape, fmod)`:
/// exact on stored values and integers alike, so no domain is needed.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Mod = n.kernel()?;
    let (a, b, y) = (n.input(0)?, n.input(1)?, n.output(0)?);
    Ok(NodeCode::expr(format!(
        "cairn::ops::mod_op::modulo({}, {}, {}, {}, {}, {})",
        a.expr,
        shape_lit(&a.shape),
        b.expr,
        shape_lit(&b.shape),
        shape_lit(&y.shape),
        k.fmod
    )))
}
