//! `Gather` — entries of `data` along `axis` picked by integer `indices`
//! (int64 values as felt252; negative ones count from the end, anything
//! outside [-dim, dim) panics). The output is `data[:axis] + indices.shape +
//! data[axis+1:]`: for every outer position, the indexed slabs in the order of
//! the (flattened) indices. Exact (data movement); the indices may be
//! constants or runtime values. Mirrors runtime/src/ops/gather.rs.

use super::window::normalize_axis;

/// Index `v` resolved against an axis of size `dim` (GatherElements and
/// GatherND use it too).
pub fn resolve_index(v: felt252, dim: u32) -> u32 {
    let j: u32 = match v.try_into() {
        Option::Some(j) => j,
        // v < 0 (or too large): v + dim must be a valid index
        Option::None => (v + dim.into()).try_into().expect('gather: index out of range'),
    };
    assert(j < dim, 'gather: index out of range');
    j
}

pub fn gather(x: Span<felt252>, shape: Span<u32>, axis: i64, indices: Span<felt252>) -> Span<felt252> {
    let axis = normalize_axis(axis, shape.len());
    let dim = *shape[axis];
    let mut resolved = array![];
    for v in indices {
        resolved.append(resolve_index(*v, dim));
    }
    let resolved = resolved.span();
    let mut outer: u32 = 1;
    for d in shape.slice(0, axis) {
        outer *= *d;
    }
    let mut inner: u32 = 1;
    for d in shape.slice(axis + 1, shape.len() - axis - 1) {
        inner *= *d;
    }
    let mut out = array![];
    for o in 0..outer {
        for j in resolved {
            let base = (o * dim + *j) * inner;
            for e in 0..inner {
                out.append(*x[base + e]);
            }
        }
    }
    out.span()
}
