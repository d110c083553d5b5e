//! Integer natural logarithm and the real power built on it. Mirrors, step for
//! step, runtime/src/fixed/ln.rs (docs/fixed-point.md §4): normalization to
//! [1, 2), a 256-entry table of ln(1 + j/256) (`LN1P_Q62`) and a quartic of the
//! remainder, all at scale 62 in u128.

use crate::fixed::exp::{LN2_Q62, exp_neg_q62, exp_parts, shift_right_round};
use crate::fixed::ln_table::LN1P_Q62;
use crate::fixed::{Scale, check_i64, div_floor, pow2, scale};

const ONE_Q62: u128 = 0x4000000000000000;
/// 2^54: the step of the table's grid at scale 62.
const TABLE_STEP: u128 = 0x40000000000000;
/// 64 at scale 32. Mirrors `POW_EXPONENT_LIMIT_Q32`.
const POW_EXPONENT_LIMIT_Q32: felt252 = 0x4000000000;

/// floor(log2 n) for 0 < n < 2^128, by binary search over the powers of two.
pub fn log2_floor(n: u128) -> u32 {
    let mut lo: u32 = 0; // pow2(lo) <= n
    let mut hi: u32 = 128; // n < 2^hi
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if n >= pow2(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}

/// ln(n / 2^frac) at scale 62 for 0 < n < 2^127. Mirrors `ln_q62`.
pub fn ln_q62(n: u128, frac: u32) -> felt252 {
    let k = log2_floor(n);
    let m = if k <= 62 {
        n * pow2(62 - k)
    } else {
        n / pow2(k - 62)
    };
    let j = m / TABLE_STEP - 256;
    let c = ONE_Q62 + j * TABLE_STEP;
    let r = ((m - c) * ONE_Q62) / c;
    let r2 = (r * r) / ONE_Q62;
    let r3 = (r2 * r) / ONE_Q62;
    let r4 = (r3 * r) / ONE_Q62;
    let series = r - r2 / 2 + r3 / 3 - r4 / 4;
    let j: u32 = j.try_into().unwrap();
    let t: u128 = (*LN1P_Q62.span()[j]).into();
    (k.into() - frac.into()) * LN2_Q62.into() + (t + series).into()
}

/// A signed scale-62 value at scale s, rounded half up. Mirrors `q62_to_scale`.
pub fn q62_to_scale(v: felt252, sc: Scale) -> felt252 {
    let sh = 62 - sc.bits;
    div_floor(v + pow2(sh - 1).into(), pow2(sh).try_into().unwrap())
}

/// ln(sum_j e^(x_j)) of one non-empty slice as m + ln(sum_j e^(x_j - m)), m
/// the maximum, one rounding, range-checked. Mirrors `ln::log_sum_exp`.
pub fn log_sum_exp(xs: Span<felt252>, sc: Scale) -> felt252 {
    assert(xs.len() > 0, 'log of an empty sum');
    let mut m = *xs[0];
    for x in xs {
        if crate::fixed::lt(m, *x) {
            m = *x;
        }
    }
    let mut sum: u128 = 0;
    for x in xs {
        sum += exp_neg_q62(*x - m, sc);
    }
    let l = ln_q62(sum, 62);
    let up: felt252 = pow2(62 - sc.bits).into();
    check_i64(q62_to_scale(m * up + l, sc))
}

/// x^y = e^(y ln x) for stored x > 0 and any stored y; panics ('fixed-point
/// overflow') where the reference reports an overflow. Mirrors `pow_real`.
pub fn pow_real(x: felt252, y: felt252, sc: Scale) -> felt252 {
    let x: u128 = x.try_into().unwrap();
    let l40 = div_floor(ln_q62(x, sc.bits), pow2(22).try_into().unwrap());
    let z = div_floor(y * l40, pow2(sc.bits + 8).try_into().unwrap());
    let (z_negative, _) = crate::arith::abs(z - POW_EXPONENT_LIMIT_Q32);
    assert(z_negative, 'fixed-point overflow');
    let (below, _) = crate::arith::abs(z + POW_EXPONENT_LIMIT_Q32);
    let z = if below {
        -POW_EXPONENT_LIMIT_Q32
    } else {
        z
    };
    let (k, p) = exp_parts(z, scale(32));
    // Mirrors `scale_exp_result`: p 2^(k + s - 62) rounded half up, below 2^63.
    let e = k + sc.bits.into() - 62;
    let (negative, mag) = crate::arith::abs(e);
    let value = if negative {
        shift_right_round(p, mag)
    } else {
        assert(mag < 64, 'fixed-point overflow');
        let mag: u32 = mag.try_into().unwrap();
        p * pow2(mag)
    };
    assert(value < 0x8000000000000000, 'fixed-point overflow');
    value.into()
}

/// round(ln(x / 2^s) 2^s); x <= 0 panics (the reference's domain error). The
/// result is below 45 · 2^s in magnitude: no range check. Mirrors `ln::ln`.
pub fn ln(x: felt252, sc: Scale) -> felt252 {
    assert(!crate::fixed::lt(x, 1), 'logarithm of x <= 0');
    let n: u128 = x.try_into().unwrap();
    q62_to_scale(ln_q62(n, sc.bits), sc)
}

/// round(ln(1 + e^x) 2^s) as max(x, 0) + ln(1 + e^-|x|), range-checked.
/// Mirrors `ln::softplus`.
pub fn softplus(x: felt252, sc: Scale) -> felt252 {
    let (negative, a) = crate::arith::abs(x);
    let e = exp_neg_q62(-a.into(), sc);
    let l = ln_q62(ONE_Q62 + e, 62);
    let pos: felt252 = if negative {
        0
    } else {
        x * pow2(62 - sc.bits).into()
    };
    check_i64(q62_to_scale(pos + l, sc))
}

/// Log-softmax of one slice: x_i - m - ln(sum_j e^(x_j - m)), one rounding per
/// output, range-checked. Mirrors `ln::log_softmax`.
pub fn log_softmax(xs: Span<felt252>, sc: Scale) -> Array<felt252> {
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
    let mut sum: u128 = 0;
    for x in xs {
        sum += exp_neg_q62(*x - m, sc);
    }
    let l = ln_q62(sum, 62);
    let up: felt252 = pow2(62 - sc.bits).into();
    for x in xs {
        out.append(check_i64(q62_to_scale((*x - m) * up - l, sc)));
    }
    out
}
