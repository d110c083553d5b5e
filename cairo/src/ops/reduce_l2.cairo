//! `ReduceL2` — sqrt of the sum of x² over `axes` (axes rules of ReduceSum).
//! Fixed point: exact squares and sum, one root rounded half up; integers: the
//! root rounded down. Mirrors runtime/src/ops/reduce_l2.rs.

use crate::arith::Arith;
use super::reduce::offsets;

/// `axes`: the reduced axes, normalized and distinct (all of them for "all").
pub fn reduce_l2<A, +Arith<A>>(ar: @A, x: Span<felt252>, shape: Span<u32>, axes: Span<u32>) -> Span<felt252> {
    let kept = offsets(shape, axes, false);
    let group = offsets(shape, axes, true);
    let mut out = array![];
    for k in kept {
        let mut acc = 0;
        for g in group {
            let v = *x[*k + *g];
            acc += v * v;
        }
        out.append(ar.finish_norm(acc));
    }
    out.span()
}
