//! `ArgMin` — the index (int64) of the smallest element along `axis`, the first
//! among ties or, with `select_last_index`, the last; `keepdims` only changes
//! the shape. Exact: a signed comparison of stored values (reals or ints).
//! An empty axis panics. Mirrors runtime/src/ops/arg_min.rs.

use super::arg_max::arg_extremum;

/// `axis` is normalized (0 <= axis < rank).
pub fn arg_min(x: Span<felt252>, shape: Span<u32>, axis: u32, select_last_index: bool) -> Span<felt252> {
    arg_extremum(x, shape, axis, select_last_index, false)
}
