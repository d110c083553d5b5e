//! `ReduceSum` — the sum over `axes` (every axis when none are given; the
//! identity with `noop_with_empty_axes`, which the code generator emits as a
//! pass-through; `keepdims` only changes the shape). Fixed point: the exact
//! sum, range-checked once (no rounding); integers: exact within the dtype.
//! Mirrors runtime/src/ops/reduce_sum.rs.

use crate::arith::Arith;
use super::reduce::additive;

/// `axes`: the reduced axes, normalized and distinct (all of them for "all").
pub fn reduce_sum<A, +Arith<A>>(ar: @A, x: Span<felt252>, shape: Span<u32>, axes: Span<u32>) -> Span<felt252> {
    additive(ar, x, shape, axes, false)
}
