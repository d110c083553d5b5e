//! `PRelu` — x for x >= 0, else Mul(x, slope) (one rounding half up, range-
//! checked; exact within the type for integers), the slope broadcast to X's
//! shape. Mirrors runtime/src/ops/p_relu.rs.

use crate::arith::Arith;
use super::elementwise::{BinaryOp, binary};

pub fn p_relu<A, +Arith<A>>(
    ar: @A, x: Span<felt252>, x_shape: Span<u32>, slope: Span<felt252>, slope_shape: Span<u32>, out_shape: Span<u32>,
) -> Span<felt252> {
    binary(ar, BinaryOp::PRelu, x, x_shape, slope, slope_shape, out_shape)
}
