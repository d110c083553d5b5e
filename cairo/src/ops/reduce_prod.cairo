//! `ReduceProd` — the product over `axes` (axes rules of ReduceSum): a running
//! product from 1 in row-major order, each step rounded as Mul (overflow of a
//! partial product panics); 1 over no elements; integers exact within the
//! dtype. Mirrors runtime/src/ops/reduce_prod.rs.

use crate::arith::Arith;
use super::reduce::offsets;

/// `axes`: the reduced axes, normalized and distinct (all of them for "all").
pub fn reduce_prod<A, +Arith<A>>(ar: @A, x: Span<felt252>, shape: Span<u32>, axes: Span<u32>) -> Span<felt252> {
    let kept = offsets(shape, axes, false);
    let group = offsets(shape, axes, true);
    let one = ar.from_int(1);
    let mut out = array![];
    for k in kept {
        let mut p = one;
        for g in group {
            p = ar.mul(p, *x[*k + *g]);
        }
        out.append(p);
    }
    out.span()
}
