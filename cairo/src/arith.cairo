//! The number domains generic kernels run in. Mirrors runtime/src/arith:
//! `Scale` is the fixed-point domain, `IntRange` exact integers of one ONNX
//! integer type. Accumulators are felt252 sums, exact for fewer than 2^124 terms.

use core::num::traits::Sqrt;
use crate::fixed::sqrt::root_half_up;
use crate::fixed::{Scale, TWO_POW_63, check_i64, div_round, rescale};

pub trait Arith<A> {
    fn add(self: @A, a: felt252, b: felt252) -> felt252;
    fn sub(self: @A, a: felt252, b: felt252) -> felt252;
    fn mul(self: @A, a: felt252, b: felt252) -> felt252;
    fn div(self: @A, a: felt252, b: felt252) -> felt252;
    /// A value of this domain as a term of a sum of products (x * 2^s in fixed
    /// point): how a bias joins a dot product before its one rounding.
    fn bias_term(self: @A, x: felt252) -> felt252;
    /// The exact sum of products, rounded once (fixed point) and range-checked.
    fn finish_dot(self: @A, acc: felt252) -> felt252;
    /// An exact plain sum, range-checked.
    fn finish_sum(self: @A, acc: felt252) -> felt252;
    /// sum / count with one rounding.
    fn finish_mean(self: @A, acc: felt252, count: u32) -> felt252;
    /// The square root of an exact sum of squares (x * x terms), rounded once:
    /// half up in fixed point, down for integers (ReduceL2).
    fn finish_norm(self: @A, acc: felt252) -> felt252;
    /// A constant of this domain from an integer (Cast int -> this).
    fn from_int(self: @A, x: felt252) -> felt252;
}

pub impl FixedArith of Arith<Scale> {
    fn add(self: @Scale, a: felt252, b: felt252) -> felt252 {
        check_i64(a + b)
    }
    fn sub(self: @Scale, a: felt252, b: felt252) -> felt252 {
        check_i64(a - b)
    }
    fn mul(self: @Scale, a: felt252, b: felt252) -> felt252 {
        rescale(a * b, *self)
    }
    fn div(self: @Scale, a: felt252, b: felt252) -> felt252 {
        crate::fixed::div(a, b, *self)
    }
    fn bias_term(self: @Scale, x: felt252) -> felt252 {
        x * *self.one
    }
    fn finish_dot(self: @Scale, acc: felt252) -> felt252 {
        rescale(acc, *self)
    }
    fn finish_sum(self: @Scale, acc: felt252) -> felt252 {
        check_i64(acc)
    }
    fn finish_mean(self: @Scale, acc: felt252, count: u32) -> felt252 {
        check_i64(div_round(acc, count.into()))
    }
    fn finish_norm(self: @Scale, acc: felt252) -> felt252 {
        // a sum of squares is never negative; past 2^128 its root is past 2^63
        let n: u128 = acc.try_into().expect('fixed-point overflow');
        check_i64(root_half_up(n).into())
    }
    fn from_int(self: @Scale, x: felt252) -> felt252 {
        check_i64(x * *self.one)
    }
}

/// Values of an integer dtype lie in [lo, lo + span].
#[derive(Copy, Drop, Debug, PartialEq)]
pub struct IntRange {
    pub lo: felt252,
    pub span: u128,
}

pub fn int_range(lo: felt252, hi: felt252) -> IntRange {
    IntRange { lo, span: (hi - lo).try_into().unwrap() }
}

/// Panics unless x is in the integer type's range.
pub fn check_int(r: @IntRange, x: felt252) -> felt252 {
    let d: u128 = (x - *r.lo).try_into().expect('integer overflow');
    assert(d <= *r.span, 'integer overflow');
    x
}

/// Truncating division of integers (C semantics), b != 0.
pub fn div_trunc(a: felt252, b: felt252) -> felt252 {
    assert(b != 0, 'division by zero');
    let (na, ua) = abs(a);
    let (nb, ub) = abs(b);
    let nz: NonZero<u128> = ub.try_into().unwrap();
    let (q, _) = DivRem::div_rem(ua, nz);
    if na != nb {
        -q.into()
    } else {
        q.into()
    }
}

/// (is_negative, |x|) of a value in [-2^127, 2^127).
pub fn abs(x: felt252) -> (bool, u128) {
    match x.try_into() {
        Option::Some(u) => (false, u),
        Option::None => (true, (-x).try_into().expect('integer overflow')),
    }
}

pub impl IntArith of Arith<IntRange> {
    fn add(self: @IntRange, a: felt252, b: felt252) -> felt252 {
        check_int(self, a + b)
    }
    fn sub(self: @IntRange, a: felt252, b: felt252) -> felt252 {
        check_int(self, a - b)
    }
    fn mul(self: @IntRange, a: felt252, b: felt252) -> felt252 {
        check_int(self, a * b)
    }
    fn div(self: @IntRange, a: felt252, b: felt252) -> felt252 {
        check_int(self, div_trunc(a, b))
    }
    fn bias_term(self: @IntRange, x: felt252) -> felt252 {
        x
    }
    fn finish_dot(self: @IntRange, acc: felt252) -> felt252 {
        check_int(self, acc)
    }
    fn finish_sum(self: @IntRange, acc: felt252) -> felt252 {
        check_int(self, acc)
    }
    fn finish_mean(self: @IntRange, acc: felt252, count: u32) -> felt252 {
        check_int(self, div_trunc(acc, count.into()))
    }
    fn finish_norm(self: @IntRange, acc: felt252) -> felt252 {
        let n: u128 = acc.try_into().expect('integer overflow');
        let r: u64 = n.sqrt();
        check_int(self, r.into())
    }
    fn from_int(self: @IntRange, x: felt252) -> felt252 {
        check_int(self, x)
    }
}

/// The range of int64 (also used for shapes and indices).
pub fn i64_range() -> IntRange {
    IntRange { lo: -TWO_POW_63, span: 0xffffffffffffffff }
}
