//! `Pow` — x^y with numpy broadcasting; the output has the base's type.
//! Mirrors runtime/src/ops/pow.rs and `FixedArith::pow` / `pow_int`,
//! `IntArith::pow_int`:
//! * an integral exponent n multiplies by squaring from the top bit of |n|, the
//!   domain's Mul each time (one rounding half up and a range check); n = 0
//!   gives 1; n < 0 is Div(1, x^|n|) for reals, and for integers only |x| = 1;
//! * a real y = 1/2 is Sqrt (to nearest); any other real y is e^(y ln x)
//!   (`fixed::ln::pow_real`) for x > 0; 0^y is 0 for y > 0;
//! * a real exponent of an integer base must be a whole number.
//! Every case the reference rejects (overflow, 0 to a negative power, a
//! negative base to a fractional power) panics.

use crate::arith::{Arith, IntRange, abs};
use crate::fixed::{Scale, div_floor_small, lt};
use crate::tensor::broadcast_map;

/// x^n for n >= 1 by squaring from the most significant bit: r = x, then for
/// each following bit r = r*r, and r = r*x when the bit is set. Mirrors
/// `integer::pow_by_squaring`.
fn pow_by_squaring<A, +Arith<A>>(ar: @A, x: felt252, n: u128) -> felt252 {
    let mut bits: Array<bool> = array![]; // least significant first
    let mut m = n;
    while m > 0 {
        bits.append(m % 2 == 1);
        m = m / 2;
    }
    let bits = bits.span();
    let mut r = x;
    let mut i = bits.len() - 1;
    while i > 0 {
        i -= 1;
        r = ar.mul(r, r);
        if *bits[i] {
            r = ar.mul(r, x);
        }
    }
    r
}

/// A stored real to an integer power. Mirrors `FixedArith::pow_int`.
pub fn pow_int_fixed(sc: @Scale, x: felt252, n: felt252) -> felt252 {
    if n == 0 {
        return *sc.one;
    }
    let (negative, m) = abs(n);
    let p = pow_by_squaring(sc, x, m);
    if !negative {
        return p;
    }
    assert(p != 0, 'division by zero');
    sc.div(*sc.one, p)
}

/// An integer to an integer power within the type. Mirrors `IntArith::pow_int`.
pub fn pow_int_exact(r: @IntRange, x: felt252, n: felt252) -> felt252 {
    if n == 0 {
        return crate::arith::check_int(r, 1);
    }
    let (negative, m) = abs(n);
    if !negative {
        return pow_by_squaring(r, x, m);
    }
    if x == 1 {
        return 1;
    }
    assert(x == -1, 'integer to a negative power');
    if m % 2 == 0 {
        1
    } else {
        -1
    }
}

/// Stored real to a stored real power. Mirrors `FixedArith::pow`.
pub fn pow_fixed(sc: @Scale, x: felt252, y: felt252) -> felt252 {
    let n = div_floor_small(y, *sc.divisor);
    if n * *sc.one == y {
        return pow_int_fixed(sc, x, n);
    }
    if y == *sc.half {
        assert(!lt(x, 0), 'Pow of a negative base');
        return crate::fixed::sqrt::sqrt(x, *sc);
    }
    if x == 0 {
        assert(!lt(y, 0), 'division by zero');
        return 0;
    }
    assert(!lt(x, 0), 'Pow of a negative base');
    crate::fixed::ln::pow_real(x, y, *sc)
}

/// The whole number a stored real exponent of an integer base must be.
/// Mirrors `integral` in runtime/src/ops/pow.rs.
fn integral(sc: @Scale, y: felt252) -> felt252 {
    let n = div_floor_small(y, *sc.divisor);
    assert(n * *sc.one == y, 'Pow: non-integral exponent');
    n
}

#[derive(Copy, Drop)]
enum Kinds {
    RealReal,
    RealInt,
    IntInt,
    IntReal,
}

fn one(sc: @Scale, r: @IntRange, kinds: Kinds, x: felt252, y: felt252) -> felt252 {
    match kinds {
        Kinds::RealReal => pow_fixed(sc, x, y),
        Kinds::RealInt => pow_int_fixed(sc, x, y),
        Kinds::IntInt => pow_int_exact(r, x, y),
        Kinds::IntReal => pow_int_exact(r, x, integral(sc, y)),
    }
}

fn broadcast_pow(
    sc: @Scale,
    r: @IntRange,
    kinds: Kinds,
    x: Span<felt252>,
    x_shape: Span<u32>,
    y: Span<felt252>,
    y_shape: Span<u32>,
    out_shape: Span<u32>,
) -> Span<felt252> {
    let mut out = array![];
    if x_shape == out_shape && y_shape == out_shape {
        for i in 0..x.len() {
            out.append(one(sc, r, kinds, *x[i], *y[i]));
        }
        return out.span();
    }
    let mx = broadcast_map(x_shape, out_shape);
    let my = broadcast_map(y_shape, out_shape);
    for i in 0..mx.len() {
        out.append(one(sc, r, kinds, *x[*mx[i]], *y[*my[i]]));
    }
    out.span()
}

/// A real base and a real exponent.
pub fn pow(
    sc: Scale, x: Span<felt252>, x_shape: Span<u32>, y: Span<felt252>, y_shape: Span<u32>, out_shape: Span<u32>,
) -> Span<felt252> {
    broadcast_pow(@sc, @crate::arith::i64_range(), Kinds::RealReal, x, x_shape, y, y_shape, out_shape)
}

/// A real base and an integer exponent.
pub fn pow_real_int(
    sc: Scale, x: Span<felt252>, x_shape: Span<u32>, y: Span<felt252>, y_shape: Span<u32>, out_shape: Span<u32>,
) -> Span<felt252> {
    broadcast_pow(@sc, @crate::arith::i64_range(), Kinds::RealInt, x, x_shape, y, y_shape, out_shape)
}

/// An integer base and an integer exponent (`r`: the base's type).
pub fn pow_int_int(
    r: @IntRange, x: Span<felt252>, x_shape: Span<u32>, y: Span<felt252>, y_shape: Span<u32>, out_shape: Span<u32>,
) -> Span<felt252> {
    // the scale is unused for two integer operands
    broadcast_pow(@crate::fixed::scale(16), r, Kinds::IntInt, x, x_shape, y, y_shape, out_shape)
}

/// An integer base and a real exponent, which must be a whole number.
pub fn pow_int_real(
    sc: Scale,
    r: @IntRange,
    x: Span<felt252>,
    x_shape: Span<u32>,
    y: Span<felt252>,
    y_shape: Span<u32>,
    out_shape: Span<u32>,
) -> Span<felt252> {
    broadcast_pow(@sc, r, Kinds::IntReal, x, x_shape, y, y_shape, out_shape)
}
