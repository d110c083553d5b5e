//! `ReduceMax` — the largest element over `axes` (every axis when none are
//! given; the identity with `noop_with_empty_axes`, which the code generator
//! emits as a pass-through; `keepdims` only changes the shape). Exact: a
//! signed comparison of stored values. `empty` is the result over no
//! elements (the type's minimum for ints); `None` (reals) panics there.
//! Mirrors runtime/src/ops/reduce_max.rs.

use super::reduce::extremum;

/// `axes`: the reduced axes, normalized and distinct (all of them for "all").
pub fn reduce_max(x: Span<felt252>, shape: Span<u32>, axes: Span<u32>, empty: Option<felt252>) -> Span<felt252> {
    extremum(x, shape, axes, true, empty)
}
