//! `Softplus` — ln(1 + e^x) as max(x, 0) + ln(1 + e^-|x|) at scale 62 (integer
//! exp and ln), one rounding half up, range-checked. Reals only.
//! Mirrors runtime/src/ops/softplus.rs.

use crate::fixed::Scale;

pub fn softplus(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::ln::softplus(*v, sc));
    }
    out.span()
}
