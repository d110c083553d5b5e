//! `Mean` — the element-wise mean of one or more inputs broadcast together.
//! The exact sum divided once by the count, rounded half up. Reals only.
//! Mirrors runtime/src/ops/mean.rs.

use crate::arith::Arith;
use super::elementwise::{VariadicOp, variadic};

pub fn mean<A, +Arith<A>>(
    ar: @A, xs: Span<Span<felt252>>, shapes: Span<Span<u32>>, out_shape: Span<u32>,
) -> Span<felt252> {
    variadic(ar, VariadicOp::Mean, xs, shapes, out_shape)
}
