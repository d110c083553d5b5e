//! `LeakyRelu` — x for x >= 0, else Mul(x, alpha_q): alpha quantized at the
//! model scale by the code generator, one rounding half up, range-checked.
//! Reals only. Mirrors runtime/src/ops/leaky_relu.rs.

use crate::fixed::{Scale, is_non_negative, mul};
use super::elementwise::{Unary, map};

#[derive(Drop)]
struct LeakyRelu {
    sc: Scale,
    alpha: Option<felt252>,
}

impl LeakyReluUnary of Unary<LeakyRelu> {
    #[inline(always)]
    fn apply(self: @LeakyRelu, v: felt252) -> felt252 {
        if is_non_negative(v) {
            v
        } else {
            mul(v, (*self.alpha).expect('alpha out of range'), *self.sc)
        }
    }
}

/// `alpha` is `None` when it cannot be quantized at the model scale: like the
/// reference, that fails on the first negative input only.
pub fn leaky_relu(sc: Scale, x: Span<felt252>, alpha: Option<felt252>) -> Span<felt252> {
    map(x, @LeakyRelu { sc, alpha })
}
