//! `Relu` — max(0, x). Exact (a sign test). Mirrors runtime/src/ops/relu.rs.

use crate::fixed::is_non_negative;
use super::elementwise::{Unary, map};

#[derive(Drop)]
struct Relu {}

impl ReluUnary of Unary<Relu> {
    #[inline(always)]
    fn apply(self: @Relu, v: felt252) -> felt252 {
        if is_non_negative(v) {
            v
        } else {
            0
        }
    }
}

pub fn relu(x: Span<felt252>) -> Span<felt252> {
    map(x, @Relu {})
}
