//! `Softsign` — x / (1 + |x|) as div_round(x 2^s, 2^s + |x|): one rounding,
//! never out of range. Reals only.
//! Mirrors runtime/src/ops/softsign.rs.

use crate::fixed::Scale;

pub fn softsign(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::activation::softsign(*v, sc));
    }
    out.span()
}
