//! `Shape` — the kept dimensions (the code generator slices them) as int64
//! felts. Exact. Mirrors runtime/src/ops/shape.rs.

pub fn shape(dims: Span<u32>) -> Span<felt252> {
    let mut out = array![];
    for d in dims {
        out.append((*d).into());
    }
    out.span()
}
