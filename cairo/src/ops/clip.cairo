//! `Clip` — min(max(x, min), max) with optional scalar bounds (inputs from
//! opset 11, attributes quantized at the model scale by the code generator
//! before); when min > max every output is max. Exact: signed comparisons of
//! stored values, reals or ints alike. Mirrors runtime/src/ops/clip.rs.

use crate::fixed::{is_non_negative, lt};
use super::elementwise::{Unary, map};

#[derive(Drop)]
struct Clip {
    lo: Option<felt252>,
    hi: Option<felt252>,
}

impl ClipUnary of Unary<Clip> {
    #[inline(always)]
    fn apply(self: @Clip, v: felt252) -> felt252 {
        let mut y = v;
        if let Option::Some(l) = *self.lo {
            if lt(y, l) {
                y = l;
            }
        }
        if let Option::Some(h) = *self.hi {
            if lt(h, y) {
                y = h;
            }
        }
        y
    }
}

/// Both bounds with lo <= hi (ReLU6 and the like): one sign test per element
/// below lo, two otherwise, and no `Option`s to look at.
#[derive(Drop)]
struct ClipBetween {
    lo: felt252,
    hi: felt252,
}

impl ClipBetweenUnary of Unary<ClipBetween> {
    #[inline(always)]
    fn apply(self: @ClipBetween, v: felt252) -> felt252 {
        if !is_non_negative(v - *self.lo) {
            *self.lo
        } else if is_non_negative(*self.hi - v) {
            v
        } else {
            *self.hi
        }
    }
}

/// `lo`/`hi`: `None` when unbounded.
pub fn clip(x: Span<felt252>, lo: Option<felt252>, hi: Option<felt252>) -> Span<felt252> {
    if let (Option::Some(l), Option::Some(h)) = (lo, hi) {
        if !lt(h, l) {
            return map(x, @ClipBetween { lo: l, hi: h });
        }
    }
    map(x, @Clip { lo, hi })
}
