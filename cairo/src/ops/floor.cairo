//! `Floor` — floor(q / 2^s) · 2^s on stored values. Exact, never out of range.
//! Reals only. Mirrors runtime/src/ops/floor.rs (`fixed::integer::floor`).

use crate::fixed::{Scale, div_floor_small};

pub fn floor(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(div_floor_small(*v, sc.divisor) * sc.one);
    }
    out.span()
}
