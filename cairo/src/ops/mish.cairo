//! `Mish` — x tanh(softplus(x)) with the tanh of the softplus in closed form
//! from the integer exponential at scale 62, one rounding; |y| <= |x|. Reals only.
//! Mirrors runtime/src/ops/mish.rs.

use crate::fixed::Scale;

pub fn mish(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::activation::mish(*v, sc));
    }
    out.span()
}
