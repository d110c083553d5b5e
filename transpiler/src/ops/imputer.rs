//! Import of `ai.onnx.ml.Imputer`: `imputed_value_floats` with
//! `replaced_value_float` (default 0), or `imputed_value_int64s` with
//! `replaced_value_int64` (default 0).

use cairn_runtime::ops::imputer::{Imputed, Imputer};
use cairn_runtime::{Arith, FixedArith};

use super::attrs::{Attrs, ImportResult};
use super::ml::Consts;
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let floats = a.reals_opt("imputed_value_floats")?.filter(|v| !v.is_empty());
    let ints = a.ints_opt("imputed_value_int64s")?.filter(|v| !v.is_empty());
    let replaced_float = a.float("replaced_value_float", 0.0)?;
    let replaced_int = a.int("replaced_value_int64", 0)?;
    let imputed = match (floats, ints) {
        (Some(values), None) => Imputed::Reals { values, replaced: replaced_float },
        (None, Some(values)) => Imputed::Ints { values, replaced: replaced_int },
        (Some(_), Some(_)) => return Err("both imputed_value_floats and imputed_value_int64s are given".into()),
        (None, None) => return Err("no imputed values".into()),
    };
    Ok(Box::new(Imputer { imputed }))
}

/// Emits `cairn::ops::imputer::imputer`, or passes the tensor through when no
/// stored value can equal the replaced one.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Imputer = n.kernel()?;
    let x = n.input(0)?;
    let features = x.shape.last().copied().unwrap_or(1).max(1);
    let mut c = Consts::new(n);
    let (replaced, imputed) = match &k.imputed {
        Imputed::Reals { values, replaced } => {
            let (lo, hi) = if replaced.is_nan() { (0, 1) } else { FixedArith::new(n.scale).bracket(*replaced) };
            if lo != hi {
                return Ok(NodeCode::expr(x.expr.clone()));
            }
            (lo, c.quantized("imputed", values, n.scale)?)
        }
        Imputed::Ints { values, replaced } => (*replaced, c.felts("imputed", values)),
    };
    Ok(NodeCode {
        items: c.items,
        body: format!("cairn::ops::imputer::imputer({}, {features}, {replaced}, {imputed})", x.expr),
    })
}
