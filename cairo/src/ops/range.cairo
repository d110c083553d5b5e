//! `Range` — `n` integers `start + i * delta` (the code generator computes
//! `n` from constant inputs; the node normally folds at transpile time).
//! Exact. Mirrors runtime/src/ops/range.rs.

pub fn range(start: felt252, delta: felt252, n: u32) -> Span<felt252> {
    let mut out = array![];
    let mut v = start;
    for _ in 0..n {
        out.append(v);
        v += delta;
    }
    out.span()
}
