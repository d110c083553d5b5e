//! `BatchNormalization` (inference) — per channel c (axis 1)
//! y = (x - mean[c]) * a[c] + B[c] with a[c] = scale[c] / sqrt(var[c] + eps).
//! Fixed point, step for step as the reference: a[c] with the fixed-point Add,
//! Sqrt (rounded to nearest; negative panics) and Div (rounded half up; zero
//! panics), then per element Sub (exact), Mul (one rounding) and Add (exact),
//! every result range-checked. eps is quantized at the model scale by the code
//! generator. Mirrors runtime/src/ops/batch_normalization.rs.

use crate::arith::Arith;
use crate::fixed::Scale;
use crate::fixed::sqrt::sqrt;

/// `x` has `channels` at axis 1 and `inner` (>= 1) elements per channel and
/// batch entry; the parameters have `channels` elements. `eps` is `None` when
/// it cannot be quantized (the reference always fails then).
pub fn batch_normalization(
    sc: Scale,
    x: Span<felt252>,
    channels: u32,
    inner: u32,
    scale: Span<felt252>,
    bias: Span<felt252>,
    mean: Span<felt252>,
    var: Span<felt252>,
    eps: Option<felt252>,
) -> Span<felt252> {
    let ar = @sc;
    let eps = eps.expect('epsilon out of range');
    let mut a: Array<felt252> = array![];
    for ch in 0..channels {
        let denom = sqrt(ar.add(*var[ch], eps), sc);
        a.append(ar.div(*scale[ch], denom));
    }
    let a = a.span();
    let mut out = array![];
    for i in 0..x.len() {
        let ch = (i / inner) % channels;
        let d = ar.sub(*x[i], *mean[ch]);
        out.append(ar.add(ar.mul(d, *a[ch]), *bias[ch]));
    }
    out.span()
}
