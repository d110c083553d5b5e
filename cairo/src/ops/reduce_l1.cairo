//! `ReduceL1` — the sum of |x| over `axes` (axes rules of ReduceSum). Exact:
//! |x| enters the sum as the exact product x·(±1), rescaled exactly; only the
//! final value is range-checked. Mirrors runtime/src/ops/reduce_l1.rs.

use crate::arith::Arith;
use super::reduce::{Term, products};

/// `axes`: the reduced axes, normalized and distinct (all of them for "all").
pub fn reduce_l1<A, +Arith<A>>(ar: @A, x: Span<felt252>, shape: Span<u32>, axes: Span<u32>) -> Span<felt252> {
    products(ar, x, shape, axes, Term::Abs)
}
