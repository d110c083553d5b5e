//! `Exp` — e^x element-wise, reals only. Fixed point: `fixed::exp::exp` (the
//! integer algorithm of docs/fixed-point.md §4, bit-exact), rounded half up to
//! scale s; a result past 2^63 ulps panics. Mirrors runtime/src/ops/exp.rs.

use crate::fixed::Scale;

pub fn exp(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::exp::exp(*v, sc));
    }
    out.span()
}
