//! `Sigmoid` — 1 / (1 + e^-x) element-wise, reals only. Fixed point:
//! `fixed::logistic::sigmoid` (a table of cubics: one division splits |x|
//! into segment and position, one rounds); always in [0, 2^s]. Mirrors
//! runtime/src/ops/sigmoid.rs.

use crate::fixed::Scale;
use crate::fixed::logistic::{Logistic, logistic, sigmoid_with};
use crate::ops::elementwise::{Unary, map};

#[derive(Copy, Drop)]
struct SigmoidOp {
    p: Logistic,
}

impl SigmoidUnary of Unary<SigmoidOp> {
    #[inline(always)]
    fn apply(self: @SigmoidOp, v: felt252) -> felt252 {
        sigmoid_with(v, self.p)
    }
}

pub fn sigmoid(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    map(x, @SigmoidOp { p: logistic(sc.bits, sc.bits) })
}
