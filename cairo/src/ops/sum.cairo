//! `Sum` — the element-wise sum of one or more inputs broadcast together,
//! reals or integers. Exact; only the final sum is range-checked (panics past
//! the domain's range, like the reference's overflow error).
//! Mirrors runtime/src/ops/sum.rs.

use crate::arith::Arith;
use super::elementwise::{VariadicOp, variadic};

pub fn sum<A, +Arith<A>>(
    ar: @A, xs: Span<Span<felt252>>, shapes: Span<Span<u32>>, out_shape: Span<u32>,
) -> Span<felt252> {
    variadic(ar, VariadicOp::Sum, xs, shapes, out_shape)
}
