//! `GatherND` — with b = `batch_dims` and k the last dimension of `indices`,
//! every index tuple indices[batch, t, :] picks the slab data[batch, i_0, ..,
//! i_{k-1}, ...] (shape data.shape[b+k:]); the output is indices.shape[:-1] +
//! data.shape[b+k:]. Negative indices count from the end; anything out of
//! range panics. The geometry is checked by the reference's shape inference.
//! Exact (data movement). Mirrors runtime/src/ops/gather_nd.rs.

use crate::tensor::strides;
use super::gather::resolve_index;

fn product(dims: Span<u32>) -> u32 {
    let mut p: u32 = 1;
    for d in dims {
        p *= *d;
    }
    p
}

pub fn gather_nd(
    x: Span<felt252>, shape: Span<u32>, indices: Span<felt252>, idx_shape: Span<u32>, batch_dims: u32,
) -> Span<felt252> {
    let (r, q, b) = (shape.len(), idx_shape.len(), batch_dims);
    let k = *idx_shape[q - 1];
    let st = strides(shape);
    let block = product(shape.slice(b, r - b));
    let tuples = product(idx_shape.slice(b, q - 1 - b));
    let slab = product(shape.slice(b + k, r - b - k));
    let count = product(idx_shape.slice(0, q - 1));
    let mut out = array![];
    for n in 0..count {
        let mut base = (n / tuples) * block;
        for j in 0..k {
            let axis = b + j;
            base += resolve_index(*indices[n * k + j], *shape[axis]) * *st[axis];
        }
        for e in 0..slab {
            out.append(*x[base + e]);
        }
    }
    out.span()
}
