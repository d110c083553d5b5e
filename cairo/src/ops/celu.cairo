//! `Celu` — x for x >= 0, else alpha (e^(x/alpha) - 1): the exponent by Div's
//! rounding (not below -64), then `activation::scaled_expm1`, range-checked;
//! alpha quantized at the model scale by the code generator must be positive
//! (the reference refuses every element otherwise). Reals only.
//! Mirrors runtime/src/ops/celu.rs.

use crate::fixed::activation::{celu_exponent, scaled_expm1};
use crate::fixed::{Scale, check_i64, lt};

pub fn celu(sc: Scale, x: Span<felt252>, alpha: felt252) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        assert(lt(0, alpha), 'Celu alpha must be positive');
        out.append(if lt(*v, 0) {
            check_i64(scaled_expm1(celu_exponent(*v, alpha, sc), alpha, sc))
        } else {
            *v
        });
    }
    out.span()
}
