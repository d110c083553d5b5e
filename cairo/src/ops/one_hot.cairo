//! `OneHot` — a new axis of size `depth`: on (values[1]) where the index (or
//! index + depth, for negative ones) equals the position, else off
//! (values[0]); out-of-range indices give all off. The indices are viewed as
//! [outer, inner] around the new axis. Exact (data movement).
//! Mirrors runtime/src/ops/one_hot.rs.

pub fn one_hot(indices: Span<felt252>, outer: u32, depth: u32, inner: u32, values: Span<felt252>) -> Span<felt252> {
    let (off, on) = (*values[0], *values[1]);
    let size: felt252 = depth.into();
    let mut out = array![];
    for o in 0..outer {
        for d in 0..depth {
            let d: felt252 = d.into();
            for i in 0..inner {
                // indices are int64 felts: i == d, or i < 0 with i + depth == d
                // (no wrap: |i| < 2^63 and depth < 2^32)
                let v = *indices[o * inner + i];
                out.append(if v == d || v + size == d {
                    on
                } else {
                    off
                });
            }
        }
    }
    out.span()
}
