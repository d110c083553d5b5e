//! `Add` — element-wise sum with numpy broadcasting. Fixed point: exact, an
//! overflow past 2^63 panics; integers: exact within the dtype.
//! Mirrors runtime/src/ops/add.rs.

use crate::arith::Arith;
use super::elementwise::{BinaryOp, binary};

pub fn add<A, +Arith<A>>(
    ar: @A, a: Span<felt252>, a_shape: Span<u32>, b: Span<felt252>, b_shape: Span<u32>, out_shape: Span<u32>,
) -> Span<felt252> {
    binary(ar, BinaryOp::Add, a, a_shape, b, b_shape, out_shape)
}
