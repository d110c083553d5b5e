//! `Sqrt` — round(sqrt(q · 2^s)) to nearest (`fixed::sqrt`); a negative input
//! panics (the reference's domain error). Reals only.
//! Mirrors runtime/src/ops/sqrt.rs.

use crate::fixed::Scale;

pub fn sqrt(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::sqrt::sqrt(*v, sc));
    }
    out.span()
}
