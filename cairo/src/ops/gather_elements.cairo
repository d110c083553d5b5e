//! `GatherElements` — out[p] = data[p with its `axis` coordinate replaced by
//! indices[p]]; the output has the shape of `indices` (same rank as data, no
//! larger on the other axes: checked by the reference's shape inference).
//! Negative indices count from the end; anything outside [-dim, dim) panics.
//! Exact (data movement); the indices may be constants or runtime values.
//! Mirrors runtime/src/ops/gather_elements.rs.

use crate::tensor::strides;
use super::gather::resolve_index;

/// `axis` is normalized (0 <= axis < rank).
pub fn gather_elements(
    x: Span<felt252>, shape: Span<u32>, axis: u32, indices: Span<felt252>, idx_shape: Span<u32>,
) -> Span<felt252> {
    let st = strides(shape);
    // the data offset of every index position with its axis coordinate at 0,
    // row-major over the indices' shape (the order of `indices`)
    let mut base: Array<u32> = array![0];
    for a in 0..idx_shape.len() {
        let (d, s) = (*idx_shape[a], *st[a]);
        let mut next = array![];
        for o in base.span() {
            for i in 0..d {
                next.append(if a == axis {
                    *o
                } else {
                    *o + i * s
                });
            }
        }
        base = next;
    }
    let (dim, stride) = (*shape[axis], *st[axis]);
    let mut out = array![];
    let mut p = 0;
    for b in base {
        out.append(*x[b + resolve_index(*indices[p], dim) * stride]);
        p += 1;
    }
    out.span()
}
