//! `Sin` — round(sin(x) 2^s) by the integer sin (`fixed::trig`): exact range
//! reduction, Taylor polynomials at scale 62, one rounding half up (error <=
//! 2^-(s+1) + 1e-14); never out of range. Reals only.
//! Mirrors runtime/src/ops/sin.rs.

use crate::fixed::Scale;

pub fn sin(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::trig::sin(*v, sc));
    }
    out.span()
}
