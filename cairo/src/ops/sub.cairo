//! `Sub` — element-wise with numpy broadcasting. Fixed point: see docs/fixed-point.md
//! (Sub); integers: exact within the dtype (Div truncates). Mirrors runtime/src/ops/sub.rs.

use crate::arith::Arith;
use super::elementwise::{BinaryOp, binary};

pub fn sub<A, +Arith<A>>(
    ar: @A, a: Span<felt252>, a_shape: Span<u32>, b: Span<felt252>, b_shape: Span<u32>, out_shape: Span<u32>,
) -> Span<felt252> {
    binary(ar, BinaryOp::Sub, a, a_shape, b, b_shape, out_shape)
}
