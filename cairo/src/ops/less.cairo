//! `Less` — `A < B` element-wise with numpy broadcasting, a bool tensor (0 or 1).
//! Exact. Mirrors runtime/src/ops/less.rs.

use super::logic::{Predicate, predicate};

pub fn less(
    a: Span<felt252>, a_shape: Span<u32>, b: Span<felt252>, b_shape: Span<u32>, out_shape: Span<u32>,
) -> Span<felt252> {
    predicate(Predicate::Less, a, a_shape, b, b_shape, out_shape)
}
