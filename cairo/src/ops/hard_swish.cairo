//! `HardSwish` — x clamp(x/6 + 1/2, 0, 1): the exact rational, one rounding
//! half up; never out of range. Reals only.
//! Mirrors runtime/src/ops/hard_swish.rs.

use crate::fixed::Scale;

pub fn hard_swish(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::activation::hard_swish(*v, sc));
    }
    out.span()
}
