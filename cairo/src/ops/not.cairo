//! `Not` — logical negation of a bool tensor (0 or 1). Exact.
//! Mirrors runtime/src/ops/not.rs.

pub fn not(x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(if *v == 0 {
            1
        } else {
            0
        });
    }
    out.span()
}
