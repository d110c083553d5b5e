//! `Tanh` — hyperbolic tangent element-wise, reals only. Fixed point:
//! `fixed::exp::tanh` = sign(x) (1 - e^-2|x|) / (1 + e^-2|x|), one division
//! rounded half up, exactly odd; always in [-2^s, 2^s]. Mirrors runtime/src/ops/tanh.rs.

use crate::fixed::Scale;

pub fn tanh(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(crate::fixed::exp::tanh(*v, sc));
    }
    out.span()
}
