//! `Min` — the element-wise minimum of one or more inputs broadcast together,
//! reals or integers. Exact (a selection).
//! Mirrors runtime/src/ops/min.rs.

use crate::arith::Arith;
use super::elementwise::{VariadicOp, variadic};

pub fn min<A, +Arith<A>>(
    ar: @A, xs: Span<Span<felt252>>, shapes: Span<Span<u32>>, out_shape: Span<u32>,
) -> Span<felt252> {
    variadic(ar, VariadicOp::Min, xs, shapes, out_shape)
}
