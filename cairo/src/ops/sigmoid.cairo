//! `Sigmoid` — 1 / (1 + e^-x) element-wise, reals only. Fixed point:
//! `fixed::exp::sigmoid` (evaluated where the exponential is at most 1, one
//! division rounded half up); always in [0, 2^s]. Mirrors runtime/src/ops/sigmoid.rs.

use crate::fixed::Scale;

pub fn sigmoid(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::exp::sigmoid(*v, sc));
    }
    out.span()
}
