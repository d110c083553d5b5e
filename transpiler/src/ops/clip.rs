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
/// When the dense layer before folded the clip into its rounding
/// (`NodeGen::activation`), the input passes through.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    use cairn_runtime::{Arith, FixedArith};
    let k: &Clip = n.kernel()?;
    let x = n.input(0)?;
    if n.activation.is_some() {
        return Ok(crate::codegen::NodeCode::expr(format!(
            "// clamped by the rounding of the layer before
{}",
            x.expr
        )));
    }
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

/// The bounds a dense layer may fold into its rounding, for a Clip of a real
/// tensor: the stored values the kernel clamps to (`lo <= hi`; an absent
/// bound is the i64 extreme). `min`/`max`: `None` when the input is omitted,
/// `Some(None)` when it is not a constant scalar. `None` when the bounds are
/// not known at transpile time, cannot be quantized (the kernel then fails on
/// every input), or cross (every output is then `max`, not a clamp).
pub(crate) fn fold_bounds(
    k: &Clip,
    scale: cairn_runtime::Scale,
    min: Option<Option<i64>>,
    max: Option<Option<i64>>,
) -> Option<(i64, i64)> {
    use cairn_runtime::{Arith, FixedArith};
    let (lo, hi) = if k.legacy {
        let fx = FixedArith::new(scale);
        let quantize = |v: Option<f64>, absent: i64| v.map_or(Some(absent), |v| fx.from_f64(v).ok());
        (quantize(k.min_attr, i64::MIN)?, quantize(k.max_attr, i64::MAX)?)
    } else {
        (min.unwrap_or(Some(i64::MIN))?, max.unwrap_or(Some(i64::MAX))?)
    };
    (lo <= hi).then_some((lo, hi))
}
