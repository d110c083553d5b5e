//! `Tile` — output element at multi-index i is x at (i[a] mod x_shape[a]) for
//! every axis a; `out_shape` (x_shape times the constant repeats) comes from
//! the code generator. Exact: data movement. Mirrors runtime/src/ops/tile.rs.

use crate::tensor::{numel, strides};

pub fn tile(x: Span<felt252>, x_shape: Span<u32>, out_shape: Span<u32>) -> Span<felt252> {
    let xs = strides(x_shape);
    let os = strides(out_shape);
    let mut out = array![];
    for o in 0..numel(out_shape) {
        let mut rem = o;
        let mut src = 0;
        for a in 0..out_shape.len() {
            let i = rem / *os[a];
            rem = rem % *os[a];
            src += (i % *x_shape[a]) * *xs[a];
        }
        out.append(*x[src]);
    }
    out.span()
}
