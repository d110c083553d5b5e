//! `Ceil` — -floor(-q / 2^s) · 2^s on stored values. Exact; a result of 2^63
//! ulps or more panics like the reference's overflow error. Reals only.
//! Mirrors runtime/src/ops/ceil.rs (`fixed::integer::ceil`).

use crate::fixed::{Scale, check_i64, div_floor_small};

pub fn ceil(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(check_i64(-(div_floor_small(-*v, sc.divisor) * sc.one)));
    }
    out.span()
}
