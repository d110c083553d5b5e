//! `Erf` — `fixed::erf::erf` element-wise: degree-6 Taylor polynomials on a
//! 1/32 grid at scale 62, one rounding half up, exactly odd (error <= 2^-(s+1)
//! + 1.6e-12). Never out of range. Reals only. Mirrors runtime/src/ops/erf.rs.

use crate::fixed::Scale;

pub fn erf(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::erf::erf(*v, sc));
    }
    out.span()
}
