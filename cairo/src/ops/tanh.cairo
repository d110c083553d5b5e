//! `Tanh` — hyperbolic tangent element-wise, reals only. Fixed point:
//! `fixed::logistic::tanh` = 2 sigmoid(2|x|) - 1 from the sigmoid's table,
//! negated for x < 0 (exactly odd); always in [-2^s, 2^s]. Mirrors
//! runtime/src/ops/tanh.rs.

use crate::fixed::Scale;
use crate::fixed::logistic::{Logistic, logistic, tanh_with};
use crate::ops::elementwise::{Unary, map};

#[derive(Copy, Drop)]
struct TanhOp {
    p: Logistic,
    sc: Scale,
}

impl TanhUnary of Unary<TanhOp> {
    #[inline(always)]
    fn apply(self: @TanhOp, v: felt252) -> felt252 {
        tanh_with(v, self.p, *self.sc)
    }
}

pub fn tanh(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    map(x, @TanhOp { p: logistic(sc.bits - 1, sc.bits + 1), sc })
}
