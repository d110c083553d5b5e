//! `Log` — round(ln(x) 2^s) by the integer logarithm (`fixed::ln`): error <=
//! 2^-(s+1) + 2e-13; x <= 0 panics (the reference's domain error). Reals only.
//! Mirrors runtime/src/ops/log.rs.

use crate::fixed::Scale;

pub fn log(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::ln::ln(*v, sc));
    }
    out.span()
}
