//! `ReduceMean` — the mean over `axes` (every axis when none are given; the
//! identity with `noop_with_empty_axes`, which the code generator emits as a
//! pass-through; `keepdims` only changes the shape). Fixed point: the exact
//! sum divided once by the group size, rounded half up; integers: truncating
//! division. A mean over zero elements panics.
//! Mirrors runtime/src/ops/reduce_mean.rs.

use crate::arith::Arith;
use super::reduce::additive;

/// `axes`: the reduced axes, normalized and distinct (all of them for "all").
pub fn reduce_mean<A, +Arith<A>>(ar: @A, x: Span<felt252>, shape: Span<u32>, axes: Span<u32>) -> Span<felt252> {
    additive(ar, x, shape, axes, true)
}
