//! `Gelu` — x Phi(x) from the integer erf (`gelu`), or with approximate =
//! "tanh" x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) from the integer
//! exponential at scale 62 (`gelu_tanh`); one rounding half up each, never out
//! of range (|y| <= |x|). Reals only. Mirrors runtime/src/ops/gelu.rs and
//! runtime/src/fixed/{erf,activation}.rs.

use crate::fixed::exp::exp_neg_q62;
use crate::fixed::erf::half_x_one_plus;
use crate::fixed::{Scale, pow2, scale};

const ONE_Q62: u128 = 0x4000000000000000;
/// round(0.044715 2^62). Mirrors `GELU_CUBIC_Q62`.
const GELU_CUBIC_Q62: u128 = 206211540313980650;
/// round(sqrt(2/pi) 2^62). Mirrors `SQRT_2_OVER_PI_Q62`.
const SQRT_2_OVER_PI_Q62: u128 = 3679593073373651226;
/// |x| >= 8 gives exactly x or 0. Mirrors `GELU_TANH_SATURATION`.
const GELU_TANH_SATURATION: u128 = 8;

pub fn gelu(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::erf::gelu(*v, sc));
    }
    out.span()
}

/// One element of the tanh form. Mirrors `activation::gelu_tanh`.
fn gelu_tanh_one(x: felt252, sc: Scale, sc32: Scale) -> felt252 {
    let (negative, a) = crate::arith::abs(x);
    if a >= GELU_TANH_SATURATION * pow2(sc.bits) {
        return if negative {
            0
        } else {
            x
        };
    }
    let a32 = a * pow2(32 - sc.bits);
    let q32 = pow2(32);
    let c = ((a32 * a32) / q32 * a32) / q32;
    let w = a32 + (c * GELU_CUBIC_Q62) / ONE_Q62;
    let v = (w * SQRT_2_OVER_PI_Q62) / ONE_Q62;
    let e = exp_neg_q62(-2 * v.into(), sc32);
    let d = ONE_Q62 + e;
    let t = (2 * ((ONE_Q62 - e) * ONE_Q62) + d) / (2 * d);
    half_x_one_plus(x, negative, t.into())
}

pub fn gelu_tanh(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let sc32 = scale(32);
    let mut out = array![];
    for v in x {
        out.append(gelu_tanh_one(*v, sc, sc32));
    }
    out.span()
}
