//! `Div` — element-wise with numpy broadcasting. Fixed point: see docs/fixed-point.md
//! (Div); integers: exact within the dtype (Div truncates). Mirrors runtime/src/ops/div.rs.

use crate::arith::Arith;
use crate::fixed::check_i64;
use super::elementwise::{BinaryOp, Unary, binary, map};

pub fn div<A, +Arith<A>>(
    ar: @A, a: Span<felt252>, a_shape: Span<u32>, b: Span<felt252>, b_shape: Span<u32>, out_shape: Span<u32>,
) -> Span<felt252> {
    binary(ar, BinaryOp::Div, a, a_shape, b, b_shape, out_shape)
}

/// Division of stored reals by a nonzero constant b, rounded half up like
/// `fixed::div`: with n = a * 2^s * sign(b) and d = |b|, the result is
/// floor((2n + d) / (2d)). The transpiler passes m2 = sign(b) * 2^(s+1),
/// two_d = 2d, k = ceil(2^(64+s) / (2d)) and offset = d + 2d * k: then
/// u = a * m2 + offset = 2n + d + 2dk lies in [0, 2^(66+s)) for every stored
/// a (|2n| <= 2^(64+s)), floor(u / 2d) = floor((2n + d) / (2d)) + k, and one
/// u128 division replaces the sign tests and the division of the general path.
#[derive(Drop)]
struct ByConstant {
    m2: felt252,
    offset: felt252,
    two_d: NonZero<u128>,
    k: felt252,
}

impl ByConstantUnary of Unary<ByConstant> {
    #[inline(always)]
    fn apply(self: @ByConstant, v: felt252) -> felt252 {
        let u: u128 = (v * *self.m2 + *self.offset).try_into().expect('fixed-point overflow');
        let (q, _) = DivRem::div_rem(u, *self.two_d);
        check_i64(q.into() - *self.k)
    }
}

/// `x / b` for stored reals and a constant b != 0 (see `ByConstant`).
pub fn div_by_constant(x: Span<felt252>, m2: felt252, offset: felt252, two_d: NonZero<u128>, k: felt252) -> Span<felt252> {
    map(x, @ByConstant { m2, offset, two_d, k })
}
