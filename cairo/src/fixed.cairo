//! Fixed-point primitives. Mirrors runtime/src/fixed/mod.rs.

pub mod activation;
pub mod erf;
pub mod erf_table;
pub mod exp;
pub mod exp2_table;
pub mod ln;
pub mod ln_table;
pub mod logistic;
pub mod logistic_table;
pub mod sqrt;
pub mod trig;

use crate::divide;
use crate::divide::{DividesU128, Divisor, divisor};

/// 2^63: stored values lie in [-2^63, 2^63).
pub const TWO_POW_63: felt252 = 0x8000000000000000;
/// 2^64.
pub const TWO_POW_64: felt252 = 0x10000000000000000;
/// 2^127, the offset that turns a signed value below 2^127 into a u128.
pub const TWO_POW_127: felt252 = 0x80000000000000000000000000000000;

/// 2^k as u128 for k in 0..128, by table (no bitwise builtin).
pub fn pow2(k: u32) -> u128 {
    *POW2.span()[k]
}

const POW2: [u128; 128] = [
    0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800, 0x1000, 0x2000, 0x4000,
    0x8000, 0x10000, 0x20000, 0x40000, 0x80000, 0x100000, 0x200000, 0x400000, 0x800000, 0x1000000,
    0x2000000, 0x4000000, 0x8000000, 0x10000000, 0x20000000, 0x40000000, 0x80000000, 0x100000000,
    0x200000000, 0x400000000, 0x800000000, 0x1000000000, 0x2000000000, 0x4000000000, 0x8000000000,
    0x10000000000, 0x20000000000, 0x40000000000, 0x80000000000, 0x100000000000, 0x200000000000,
    0x400000000000, 0x800000000000, 0x1000000000000, 0x2000000000000, 0x4000000000000,
    0x8000000000000, 0x10000000000000, 0x20000000000000, 0x40000000000000, 0x80000000000000,
    0x100000000000000, 0x200000000000000, 0x400000000000000, 0x800000000000000,
    0x1000000000000000, 0x2000000000000000, 0x4000000000000000, 0x8000000000000000,
    0x10000000000000000, 0x20000000000000000, 0x40000000000000000, 0x80000000000000000,
    0x100000000000000000, 0x200000000000000000, 0x400000000000000000, 0x800000000000000000,
    0x1000000000000000000, 0x2000000000000000000, 0x4000000000000000000, 0x8000000000000000000,
    0x10000000000000000000, 0x20000000000000000000, 0x40000000000000000000,
    0x80000000000000000000, 0x100000000000000000000, 0x200000000000000000000,
    0x400000000000000000000, 0x800000000000000000000, 0x1000000000000000000000,
    0x2000000000000000000000, 0x4000000000000000000000, 0x8000000000000000000000,
    0x10000000000000000000000, 0x20000000000000000000000, 0x40000000000000000000000,
    0x80000000000000000000000, 0x100000000000000000000000, 0x200000000000000000000000,
    0x400000000000000000000000, 0x800000000000000000000000, 0x1000000000000000000000000,
    0x2000000000000000000000000, 0x4000000000000000000000000, 0x8000000000000000000000000,
    0x10000000000000000000000000, 0x20000000000000000000000000, 0x40000000000000000000000000,
    0x80000000000000000000000000, 0x100000000000000000000000000, 0x200000000000000000000000000,
    0x400000000000000000000000000, 0x800000000000000000000000000,
    0x1000000000000000000000000000, 0x2000000000000000000000000000,
    0x4000000000000000000000000000, 0x8000000000000000000000000000,
    0x10000000000000000000000000000, 0x20000000000000000000000000000,
    0x40000000000000000000000000000, 0x80000000000000000000000000000,
    0x100000000000000000000000000000, 0x200000000000000000000000000000,
    0x400000000000000000000000000000, 0x800000000000000000000000000000,
    0x1000000000000000000000000000000, 0x2000000000000000000000000000000,
    0x4000000000000000000000000000000, 0x8000000000000000000000000000000,
    0x10000000000000000000000000000000, 0x20000000000000000000000000000000,
    0x40000000000000000000000000000000, 0x80000000000000000000000000000000,
];

/// The range check of every stored value: panics unless x is in [-2^63, 2^63).
pub fn check_i64(x: felt252) -> felt252 {
    let _: u64 = (x + TWO_POW_63).try_into().expect('fixed-point overflow');
    x
}

/// x as an i64 (x must be a stored value).
pub fn to_i64(x: felt252) -> i64 {
    x.try_into().expect('fixed-point overflow')
}

/// Signed comparison of two stored values. b - a - 1 lies in (-2^64, 2^64),
/// so it is a u128 exactly when a < b: one conversion (one range check when
/// it fits; a negative difference is recognised by its wide felt form)
/// instead of two i64 conversions and an i64 comparison.
pub fn lt(a: felt252, b: felt252) -> bool {
    is_non_negative(b - a - 1)
}

/// x >= 0 for |x| < 2^127 (every stored value, and differences of two): a
/// non-negative x is a u128; a negative one is p - |x|, far above 2^128.
#[inline(always)]
pub fn is_non_negative(x: felt252) -> bool {
    let u: Option<u128> = x.try_into();
    match u {
        Option::Some(_) => true,
        Option::None => false,
    }
}

/// floor(n / d) for |n| < 2^127 and d > 0 (the offset 2^127 is not used:
/// it would have to be a multiple of d).
pub fn div_floor(n: felt252, d: NonZero<u128>) -> felt252 {
    floor_div(n, d)
}

/// `div_floor` by a small divisor (crate::divide).
pub fn div_floor_small(n: felt252, d: Divisor) -> felt252 {
    floor_div(n, d)
}

/// floor(n / d) for either kind of divisor.
fn floor_div<D, +DividesU128<D>, +Drop<D>>(n: felt252, d: D) -> felt252 {
    match n.try_into() {
        Option::Some(u) => {
            let (q, _) = DividesU128::div_rem_u128(u, d);
            q.into()
        },
        Option::None => {
            // n < 0: floor(n / d) = -ceil(|n| / d)
            let m: u128 = (-n).try_into().expect('fixed-point overflow');
            let (q, r) = DividesU128::div_rem_u128(m, d);
            if r == 0 {
                -q.into()
            } else {
                -q.into() - 1
            }
        },
    }
}

/// n / d rounded half up for d > 0: floor((2n + d) / (2d)). Mirrors `fixed::div_round`.
pub fn div_round(n: felt252, d: u128) -> felt252 {
    let two_d: NonZero<u128> = (2 * d).try_into().expect('division by zero');
    div_floor(2 * n + d.into(), two_d)
}

/// The scale of a model: s fraction bits and the constants its rescale needs.
#[derive(Copy, Drop, Debug, PartialEq)]
pub struct Scale {
    pub bits: u32,
    /// 2^s
    pub one: felt252,
    /// 2^(s-1)
    pub half: felt252,
    /// 2^s as a divisor (a small one: crate::divide)
    pub divisor: Divisor,
    /// 2^(s-1) + 2^(63+s): shifts a sum of products so that its rescaled value
    /// is in [-2^63, 2^63) exactly when the shifted sum is in [0, 2^(64+s))
    pub rescale_offset: felt252,
}

pub fn scale(bits: u32) -> Scale {
    assert(bits >= 1 && bits <= 32, 'scale must be 1..32 bits');
    let one = pow2(bits);
    Scale {
        bits,
        one: one.into(),
        half: pow2(bits - 1).into(),
        divisor: divisor(one),
        rescale_offset: pow2(bits - 1).into() + pow2(63 + bits).into(),
    }
}

/// One rounding from scale 2s to s, floor((p + 2^(s-1)) / 2^s), and the range
/// check of the result. Mirrors `fixed::rescale` + the i64 check: with
/// u = p + 2^(s-1) + 2^(63+s), the result is floor(u / 2^s) - 2^63, and it lies
/// in [-2^63, 2^63) exactly when u is a u128 whose quotient is below 2^64
/// (20 Cairo steps, 6 range checks).
pub fn rescale(p: felt252, sc: Scale) -> felt252 {
    let u: u128 = (p + sc.rescale_offset).try_into().expect('fixed-point overflow');
    let q = divide::div(u, sc.divisor);
    assert(q < 0x10000000000000000, 'fixed-point overflow');
    q.into() - TWO_POW_63
}

/// Panics exactly when `rescale(p)` would report an overflow, without
/// rounding: for a sum whose rounding is taken later (a pooled convolution
/// rounds the maximum of its window, and rounding never decreases). The
/// result is in range exactly when u = p + 2^(s-1) + 2^(63+s) is in
/// [0, 2^(64+s)), i.e. when u * 2^(64-s) is a u128 — one conversion, given
/// `up` = 2^(64-s) and `offset` = (2^(s-1) + 2^(63+s)) * 2^(64-s). Sums of
/// products of stored values stay far below 2^180, so u * 2^(64-s) never
/// wraps around p.
#[inline(always)]
pub fn check_rescalable(p: felt252, up: felt252, offset: felt252) {
    assert(is_non_negative(p * up + offset), 'fixed-point overflow');
}

/// max(0, rescale(p)): the rounding and overflow checks of `rescale`, then
/// ReLU — what a dense layer followed by a Relu computes, with one
/// comparison on the quotient instead of a pass of sign tests. q < 2^63
/// means the rounded value is negative (ReLU gives 0, and it is above -2^63
/// since u is a u128); otherwise the same q < 2^64 check as `rescale`.
pub fn rescale_relu(p: felt252, sc: Scale) -> felt252 {
    let u: u128 = (p + sc.rescale_offset).try_into().expect('fixed-point overflow');
    let q = divide::div(u, sc.divisor);
    if q < 0x8000000000000000 {
        return 0;
    }
    assert(q < 0x10000000000000000, 'fixed-point overflow');
    q.into() - TWO_POW_63
}

/// min(max(rescale(p), lo), hi) for lo <= hi: the rounding and overflow
/// checks of `rescale`, then a Clip with constant bounds (ReLU6 and the
/// like) — what a dense layer followed by a Clip computes. With
/// q = rounded + 2^63 (as in `rescale`) and the bounds given the same way
/// (`lo_q`, `hi_q` in [0, 2^64)): q < lo_q gives lo (and q is then below
/// 2^64: no overflow), q <= hi_q the rounded value itself, and above that
/// hi once q < 2^64 is checked.
pub fn rescale_clamp(p: felt252, sc: Scale, lo: felt252, hi: felt252, lo_q: u128, hi_q: u128) -> felt252 {
    let u: u128 = (p + sc.rescale_offset).try_into().expect('fixed-point overflow');
    let q = divide::div(u, sc.divisor);
    if q < lo_q {
        return lo;
    }
    if q <= hi_q {
        return q.into() - TWO_POW_63;
    }
    assert(q < 0x10000000000000000, 'fixed-point overflow');
    hi
}

/// Quantized real multiply: one rounding. Mirrors `FixedArith::mul`.
pub fn mul(a: felt252, b: felt252, sc: Scale) -> felt252 {
    rescale(a * b, sc)
}

/// round_half_up(a * 2^s / b). Mirrors `FixedArith::div`.
pub fn div(a: felt252, b: felt252, sc: Scale) -> felt252 {
    assert(b != 0, 'division by zero');
    let (n, d) = if lt(b, 0) {
        (-a * sc.one, -b)
    } else {
        (a * sc.one, b)
    };
    let d: u128 = d.try_into().unwrap();
    check_i64(div_round(n, d))
}
