//! `Elu` — x for x >= 0, else alpha (e^x - 1) (`activation::scaled_expm1`, one
//! rounding, range-checked) with alpha quantized at the model scale by the code
//! generator. Reals only. Mirrors runtime/src/ops/elu.rs.

use crate::fixed::activation::scaled_expm1;
use crate::fixed::{Scale, check_i64, lt};

pub fn elu(sc: Scale, x: Span<felt252>, alpha: felt252) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(if lt(*v, 0) {
            check_i64(scaled_expm1(*v, alpha, sc))
        } else {
            *v
        });
    }
    out.span()
}
