//! Import of ONNX `Div`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::div::Div;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Div))
}

/// Emits `cairn::ops::div::div` with broadcasting to the output shape, or,
/// for reals divided by a nonzero constant scalar,
/// `cairn::ops::div::div_by_constant` with the constants of its single
/// u128 division (same rounding as `FixedArith::div`).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let (a, b, y) = (n.input(0)?, n.input(1)?, n.output(0)?);
    let size = |shape: &[usize]| shape.iter().product::<usize>();
    if let (true, Some(&[divisor])) = (a.dtype.is_real() && size(&a.shape) == size(&y.shape), b.constant_ints()) {
        if divisor != 0 {
            let [m2, offset, two_d, k] = by_constant(divisor, n.scale.bits());
            return Ok(crate::codegen::NodeCode::expr(format!(
                "cairn::ops::div::div_by_constant({}, {m2}, {offset}, {two_d}, {k})",
                a.expr
            )));
        }
    }
    super::gen::binary_call(n, "div")
}

/// The constants of `div_by_constant` for stored divisor `b` != 0 at scale
/// `s`: m2 = sign(b) 2^(s+1), offset = d + 2dk, 2d and k = ceil(2^(64+s) /
/// 2d) with d = |b| (d < 2^63, s <= 32: every value is below 2^98).
fn by_constant(b: i64, s: u32) -> [i128; 4] {
    let d = i128::from(b).abs();
    let sign = if b < 0 { -1 } else { 1 };
    let two_d = 2 * d;
    let k = (1u128 << (64 + s)).div_ceil(two_d as u128) as i128;
    [sign << (s + 1), d + two_d * k, two_d, k]
}
