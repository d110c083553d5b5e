//! `ReduceSumSquare` — the sum of x² over `axes` (axes rules of ReduceSum).
//! Fixed point: exact squares and sum, rounded once half up; integers: exact
//! within the dtype. Mirrors runtime/src/ops/reduce_sum_square.rs.

use crate::arith::Arith;
use super::reduce::{Term, products};

/// `axes`: the reduced axes, normalized and distinct (all of them for "all").
pub fn reduce_sum_square<A, +Arith<A>>(
    ar: @A, x: Span<felt252>, shape: Span<u32>, axes: Span<u32>,
) -> Span<felt252> {
    products(ar, x, shape, axes, Term::Square)
}
