//! `Max` — the element-wise maximum of one or more inputs broadcast together,
//! reals or integers. Exact (a selection).
//! Mirrors runtime/src/ops/max.rs.

use crate::arith::Arith;
use super::elementwise::{VariadicOp, variadic};

pub fn max<A, +Arith<A>>(
    ar: @A, xs: Span<Span<felt252>>, shapes: Span<Span<u32>>, out_shape: Span<u32>,
) -> Span<felt252> {
    variadic(ar, VariadicOp::Max, xs, shapes, out_shape)
}
