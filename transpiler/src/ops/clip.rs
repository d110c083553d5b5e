//! Import of ONNX `Clip`: `min`/`max` attributes before opset 11, optional
//! inputs from 11.

use cairn_runtime::ops::clip::Clip;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    if a.opset >= 11 {
        return Ok(Box::new(Clip::default()));
    }
    Ok(Box::new(Clip { min_attr: a.float_opt("min")?, max_attr: a.float_opt("max")?, legacy: true }))
}

/// Emits `cairn::ops::clip::clip`. Real tensors of opsets < 11 take the
/// attribute bounds quantized at the model scale as the kernel does (a bound
/// that cannot be quantized makes the reference fail on every input: the body
/// then panics); otherwise the bounds are the optional scalar inputs, inlined
/// when constant. Integer tensors ignore the legacy attributes, as the kernel does.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    use cairn_runtime::{Arith, FixedArith};
    let k: &Clip = n.kernel()?;
    let x = n.input(0)?;
    let fx = FixedArith::new(n.scale);
    let bound = |i: usize, attr: Option<f64>| -> Result<String, ()> {
        if k.legacy && x.dtype.is_real() {
            return match attr {
                None => Ok("Option::None".into()),
                Some(v) => fx.from_f64(v).map(|q| format!("Option::Some({q})")).map_err(|_| ()),
            };
        }
        Ok(match n.optional_input(i) {
            None => "Option::None".into(),
            Some(b) => match b.constant_ints() {
                Some([v]) => format!("Option::Some({v})"),
                _ => format!("Option::Some(*{}[0])", b.expr),
            },
        })
    };
    let body = match (bound(1, k.min_attr), bound(2, k.max_attr)) {
        (Ok(lo), Ok(hi)) => format!("cairn::ops::clip::clip({}, {lo}, {hi})", x.expr),
        _ => "core::panic_with_felt252('Clip bound out of range')".into(),
    };
    Ok(crate::codegen::NodeCode::expr(body))
}
