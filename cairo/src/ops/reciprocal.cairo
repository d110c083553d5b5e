//! `Reciprocal` — 1/x as Div(2^s, x): round_half_up(2^2s / q), range-checked;
//! x = 0 panics (the reference's division-by-zero error). Reals only.
//! Mirrors runtime/src/ops/reciprocal.rs.

use crate::fixed::{Scale, div};

pub fn reciprocal(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(div(sc.one, *v, sc));
    }
    out.span()
}
