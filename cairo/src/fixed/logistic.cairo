//! Sigmoid and tanh from one table of cubics. Mirrors, step for step,
//! runtime/src/fixed/logistic.rs (see docs/fixed-point.md §4 for the
//! algorithm and its error bound): one small division splits |x| into its
//! segment and the position within it, the segment's cubic is evaluated
//! exactly in felt252 (below 2^127), and one more division rounds it.

use crate::arith::abs;
use crate::divide::{Divisor, div, div_rem, divisor};
use crate::fixed::logistic_table::CUBICS;
use crate::fixed::{Scale, pow2};

/// Fraction bits of the table's coefficients (COEFF_BITS).
const COEFF_BITS: u32 = 40;
/// Segments per unit of the input: 2^SEGMENT_BITS.
const SEGMENT_BITS: u32 = 3;

/// What `sigmoid_magnitude` needs for one pair of scales, computed once per
/// tensor.
#[derive(Copy, Drop)]
pub struct Logistic {
    /// 2^f, f = s_in - 3 (1 below scale 3: the input is multiplied instead)
    segment: Divisor,
    /// 2^(3 - s_in) below scale 3, else 1
    widen: felt252,
    /// 2^f, 2^2f, 2^3f
    f1: felt252,
    f2: felt252,
    f3: felt252,
    /// 2^(e - 1) and 2^e, e = 40 + 3f - s_out: the final rounding
    half: felt252,
    out: Divisor,
    /// 2^s_out, the value past the table
    one: felt252,
    /// The table's rows (made once, not per element).
    cubics: Span<(felt252, felt252, felt252, felt252)>,
}

pub fn logistic(s_in: u32, s_out: u32) -> Logistic {
    let (f, widen) = if s_in >= SEGMENT_BITS {
        (s_in - SEGMENT_BITS, 1)
    } else {
        (0, pow2(SEGMENT_BITS - s_in).into())
    };
    let e = COEFF_BITS + 3 * f - s_out;
    Logistic {
        segment: divisor(pow2(f)),
        widen,
        f1: pow2(f).into(),
        f2: pow2(2 * f).into(),
        f3: pow2(3 * f).into(),
        half: pow2(e - 1).into(),
        out: divisor(pow2(e)),
        one: pow2(s_out).into(),
        cubics: CUBICS.span(),
    }
}

/// round(sigmoid(a / 2^s_in) * 2^s_out) for a >= 0, given a widened:
/// a * 2^(3 - s_in) below scale 3 (the segment is then 1, so j is the
/// reference's a << (3 - s_in) and u is 0), a itself from scale 3 on.
/// Mirrors `sigmoid_magnitude`.
#[inline(always)]
pub fn sigmoid_magnitude(a: u128, p: @Logistic) -> felt252 {
    let (j, u) = div_rem(a, *p.segment);
    let Some(j) = j.try_into() else {
        return *p.one;
    };
    let Some(row) = (*p.cubics).get(j) else {
        return *p.one;
    };
    let (c0, c1, c2, c3) = *row.unbox();
    let u: felt252 = u.into();
    let y = ((c3 * u + c2 * *p.f1) * u + c1 * *p.f2) * u + c0 * *p.f3;
    let y: u128 = (y + *p.half).try_into().unwrap();
    div(y, *p.out).into()
}

/// round(sigmoid(x) * 2^s) with `p = logistic(s, s)`. Mirrors `sigmoid`.
#[inline(always)]
pub fn sigmoid_with(x: felt252, p: @Logistic) -> felt252 {
    let (negative, a) = abs(x * *p.widen);
    let r = sigmoid_magnitude(a, p);
    if negative {
        *p.one - r
    } else {
        r
    }
}

/// round(tanh(x) * 2^s) = 2 sigmoid(2|x|) - 1, negated for x < 0, with
/// `p = logistic(s - 1, s + 1)`. Mirrors `tanh`.
#[inline(always)]
pub fn tanh_with(x: felt252, p: @Logistic, sc: Scale) -> felt252 {
    let (negative, a) = abs(x * *p.widen);
    let t = sigmoid_magnitude(a, p) - sc.one;
    if negative {
        -t
    } else {
        t
    }
}

/// round(sigmoid(x) * 2^s).
pub fn sigmoid(x: felt252, sc: Scale) -> felt252 {
    sigmoid_with(x, @logistic(sc.bits, sc.bits))
}

/// round(tanh(x) * 2^s).
pub fn tanh(x: felt252, sc: Scale) -> felt252 {
    tanh_with(x, @logistic(sc.bits - 1, sc.bits + 1), sc)
}
