//! `HardSigmoid` — clamp(alpha x + beta, 0, 1) with alpha, beta quantized at the
//! model scale by the code generator: the exact sum at scale 2s, one rounding
//! half up. Reals only. Mirrors runtime/src/ops/hard_sigmoid.rs.

use crate::fixed::Scale;
use crate::fixed::activation::hard_sigmoid as hard_sigmoid_one;

pub fn hard_sigmoid(sc: Scale, x: Span<felt252>, alpha: felt252, beta: felt252) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(hard_sigmoid_one(*v, alpha, beta, sc));
    }
    out.span()
}
