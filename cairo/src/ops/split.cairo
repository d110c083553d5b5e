//! `Split` — the part `[start, start + len)` along `axis` of the input (the
//! code generator computes every part's offset and length). Exact: data
//! movement. Mirrors runtime/src/ops/split.rs.

pub fn split(x: Span<felt252>, shape: Span<u32>, axis: u32, start: u32, len: u32) -> Span<felt252> {
    let mut outer: u32 = 1;
    for a in 0..axis {
        outer *= *shape[a];
    }
    let mut inner: u32 = 1;
    let after = axis + 1;
    for a in after..shape.len() {
        inner *= *shape[a];
    }
    let dim = *shape[axis];
    let mut out = array![];
    for o in 0..outer {
        let end = start + len;
        for j in start..end {
            let base = (o * dim + j) * inner;
            for k in 0..inner {
                out.append(*x[base + k]);
            }
        }
    }
    out.span()
}
