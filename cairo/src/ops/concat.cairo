//! `Concat` — joins tensors of equal rank along `axis` (negative counts from
//! the end); every other dimension must match. For each position of the outer
//! axes, the output takes each input's contiguous chunk in turn. Exact (data
//! movement), reals and integers alike. Mirrors runtime/src/ops/concat.rs.

use super::window::normalize_axis;

pub fn concat(inputs: Span<Span<felt252>>, shapes: Span<Span<u32>>, axis: i64) -> Span<felt252> {
    assert(inputs.len() > 0 && inputs.len() == shapes.len(), 'concat: no inputs');
    let first = *shapes[0];
    let rank = first.len();
    let axis = normalize_axis(axis, rank);
    for s in shapes {
        let s = *s;
        assert(s.len() == rank, 'concat: shapes differ');
        for i in 0..rank {
            assert(i == axis || *s[i] == *first[i], 'concat: shapes differ');
        }
    }
    let mut outer: u32 = 1;
    for d in first.slice(0, axis) {
        outer *= *d;
    }
    let mut inner: u32 = 1;
    for d in first.slice(axis + 1, rank - axis - 1) {
        inner *= *d;
    }
    let mut out = array![];
    for o in 0..outer {
        for t in 0..inputs.len() {
            let data = *inputs[t];
            let chunk = *(*shapes[t])[axis] * inner;
            let base = o * chunk;
            for e in 0..chunk {
                out.append(*data[base + e]);
            }
        }
    }
    out.span()
}
