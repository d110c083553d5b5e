//! Integer exponentials and what is built on them. Mirrors, step for step,
//! runtime/src/fixed/exp.rs (see docs/fixed-point.md §4 for the algorithm and
//! its error bound). Every intermediate stays below 2^127.

use crate::arith::abs;
use crate::fixed::exp2_table::EXP2_Q62;
use crate::fixed::{Scale, TWO_POW_127, check_i64, pow2};

/// round(ln 2 * 2^62)
pub const LN2_Q62: u128 = 3196577161300663915;
/// round(log2(e) * 2^61)
pub const LOG2E_Q61: felt252 = 3326628274461080623;
const ONE_Q62: u128 = 0x4000000000000000;

/// floor(v / 2^k) for a signed v in [-2^127, 2^127) and 2^k dividing 2^127:
/// adding 2^127 makes v a u128 without changing the quotient's fraction.
fn floor_shift(v: felt252, k: u32) -> felt252 {
    let u: u128 = (v + TWO_POW_127).try_into().expect('exp input out of range');
    let d: NonZero<u128> = pow2(k).try_into().unwrap();
    let (q, _) = DivRem::div_rem(u, d);
    q.into() - pow2(127 - k).into()
}

/// e^(x / 2^s) = p * 2^(k - 62) with p in [2^62, 2^63]; returns (k, p).
/// `x` must satisfy |x| < 2^65. Mirrors `exp_parts`.
pub fn exp_parts(x: felt252, sc: Scale) -> (felt252, u128) {
    let t = x * LOG2E_Q61; // scale s + 61
    let t32 = floor_shift(t, sc.bits + 29); // scale 32
    // k = floor(t32 / 2^32), f = t32 mod 2^32
    let u: u128 = (t32 + TWO_POW_127).try_into().expect('exp input out of range');
    let (q, f) = DivRem::div_rem(u, 0x100000000_u128.try_into().unwrap());
    let k = q.into() - pow2(95).into();
    let (hi, lo) = DivRem::div_rem(f, 0x1000000_u128.try_into().unwrap());
    let v: u128 = (lo * LN2_Q62) / 0x100000000; // scale 62
    let v2 = (v * v) / ONE_Q62;
    let v3 = (v2 * v) / ONE_Q62;
    let poly = ONE_Q62 + v + v2 / 2 + v3 / 6;
    let hi: u32 = hi.try_into().unwrap();
    let p = (*EXP2_Q62.span()[hi] * poly) / ONE_Q62;
    (k, p)
}

/// v / 2^sh rounded half up (0 past the width). Mirrors `shift_right_round`.
pub fn shift_right_round(v: u128, sh: u128) -> u128 {
    if sh == 0 {
        return v;
    }
    if sh > 128 {
        return 0;
    }
    if sh == 128 {
        return v / pow2(127);
    }
    let sh: u32 = sh.try_into().unwrap();
    let q = v / pow2(sh);
    let bit = (v / pow2(sh - 1)) % 2;
    q + bit
}

/// e^(d / 2^s) at scale 62 for d <= 0, rounded half up. Mirrors `exp_neg_q62`.
pub fn exp_neg_q62(d: felt252, sc: Scale) -> u128 {
    let (k, p) = exp_parts(d, sc);
    // d <= 0 gives k <= 0
    let (_, sh) = abs(k);
    shift_right_round(p, sh)
}

/// (2n + d) / (2d): n / d rounded half up, for positive values.
fn div_round_u(n: u128, d: u128) -> u128 {
    (2 * n + d) / (2 * d)
}

/// round(e^(x/2^s) * 2^s); panics ('fixed-point overflow') past 2^63. Mirrors `exp`.
pub fn exp(x: felt252, sc: Scale) -> felt252 {
    let (k, p) = exp_parts(x, sc);
    let e = k + sc.bits.into() - 62;
    let (negative, mag) = abs(e);
    if negative {
        shift_right_round(p, mag).into()
    } else {
        assert(mag < 64, 'fixed-point overflow');
        let mag: u32 = mag.try_into().unwrap();
        check_i64((p * pow2(mag)).into())
    }
}

/// Softmax of one slice: round(e^(x_i - m) 2^s / sum_j e^(x_j - m)).
pub fn softmax(xs: Span<felt252>, sc: Scale) -> Array<felt252> {
    let mut out = array![];
    if xs.len() == 0 {
        return out;
    }
    let mut m = *xs[0];
    for x in xs {
        if crate::fixed::lt(m, *x) {
            m = *x;
        }
    }
    let mut exps: Array<u128> = array![];
    let mut sum: u128 = 0;
    for x in xs {
        let e = exp_neg_q62(*x - m, sc);
        exps.append(e);
        sum += e;
    }
    let one = pow2(sc.bits);
    for e in exps {
        out.append(div_round_u(e * one, sum).into());
    }
    out
}
