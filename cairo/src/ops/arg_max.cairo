//! `ArgMax` — the index (int64) of the largest element along `axis`, the first
//! among ties or, with `select_last_index`, the last; `keepdims` only changes
//! the shape. Exact: a signed comparison of stored values (reals or ints).
//! An empty axis panics. Mirrors runtime/src/ops/arg_max.rs.

use crate::fixed::lt;
use crate::tensor::strides;
use super::reduce::offsets;

/// `axis` is normalized (0 <= axis < rank).
pub fn arg_max(x: Span<felt252>, shape: Span<u32>, axis: u32, select_last_index: bool) -> Span<felt252> {
    arg_extremum(x, shape, axis, select_last_index, true)
}

/// The index along `axis` of the largest (`max`) or smallest element of each
/// lane, first or last among ties: ArgMax and ArgMin. Mirrors `arg_extremum`.
pub fn arg_extremum(
    x: Span<felt252>, shape: Span<u32>, axis: u32, select_last_index: bool, max: bool,
) -> Span<felt252> {
    let dim = *shape[axis];
    assert(dim > 0, 'arg extremum over empty axis');
    let stride = *strides(shape)[axis];
    let kept = offsets(shape, array![axis].span(), false);
    let mut out = array![];
    for k in kept {
        let mut best = *x[*k];
        let mut best_pos: u32 = 0;
        for pos in 1..dim {
            let v = *x[*k + pos * stride];
            // v is better when it beats best strictly, or ties it and the last is wanted
            let (a, b) = if max {
                (best, v)
            } else {
                (v, best)
            };
            let better = if select_last_index {
                !lt(b, a)
            } else {
                lt(a, b)
            };
            if better {
                best = v;
                best_pos = pos;
            }
        }
        out.append(best_pos.into());
    }
    out.span()
}
