//! `ArgMax` — the index (int64) of the largest element along `axis`, the first
//! among ties or, with `select_last_index`, the last; `keepdims` only changes
//! the shape. Exact: a signed comparison of stored values (reals or ints).
//! An empty axis panics. Mirrors runtime/src/ops/arg_max.rs.

use crate::fixed::lt;
use crate::tensor::strides;
use super::reduce::offsets;

/// `axis` is normalized (0 <= axis < rank).
pub fn arg_max(x: Span<felt252>, shape: Span<u32>, axis: u32, select_last_index: bool) -> Span<felt252> {
    let dim = *shape[axis];
    assert(dim > 0, 'ArgMax over an empty axis');
    let stride = *strides(shape)[axis];
    let kept = offsets(shape, array![axis].span(), false);
    let mut out = array![];
    for k in kept {
        let mut best = *x[*k];
        let mut best_pos: u32 = 0;
        for pos in 1..dim {
            let v = *x[*k + pos * stride];
            let better = if select_last_index {
                !lt(v, best)
            } else {
                lt(best, v)
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
