//! Sigmoid and tanh from one table of cubics. Mirrors, step for step,
//! runtime/src/fixed/logistic.rs (see docs/fixed-point.md §4 for the
//! algorithm and its error bound): one small division splits |x| into its
//! segment and the position within it, the segment's cubic is evaluated
//! exactly in felt252 (below 2^127), and one more division rounds it.

use crate::arith::abs;
use crate::divide::{Divisor, div, div_rem, divisor};
use crate::fixed::logistic_table::{C0, C1, C2, C3};
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
    /// The table's four coefficient arrays (made once, not per element).
    c0: Span<felt252>,
    c1: Span<felt252>,
    c2: Span<felt252>,
    c3: Span<felt252>,
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
        c0: C0.span(),
        c1: C1.span(),
        c2: C2.span(),
        c3: C3.span(),
    }
}

/// round(sigmoid(a / 2^s_in) * 2^s_out) for a >= 0. Mirrors
/// `sigmoid_magnitude`.
#[inline(always)]
pub fn sigmoid_magnitude(a: u128, p: @Logistic) -> felt252 {
    let (j, u) = div_rem(a, *p.segment);
    let j: felt252 = j.into() * *p.widen;
    let Some(j) = j.try_into() else {
        return *p.one;
    };
    let Some(c0) = (*p.c0).get(j) else {
        return *p.one;
    };
    let u: felt252 = u.into();
    let y = ((*(*p.c3)[j] * u + *(*p.c2)[j] * *p.f1) * u + *(*p.c1)[j] * *p.f2) * u + *c0.unbox() * *p.f3;
    let y: u128 = (y + *p.half).try_into().unwrap();
    div(y, *p.out).into()
}

/// round(sigmoid(x) * 2^s) with `p = logistic(s, s)`. Mirrors `sigmoid`.
#[inline(always)]
pub fn sigmoid_with(x: felt252, p: @Logistic) -> felt252 {
    let (negative, a) = abs(x);
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
    let (negative, a) = abs(x);
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
