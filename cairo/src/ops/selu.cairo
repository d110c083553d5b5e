//! `Selu` — Mul(x, gamma) for x > 0, else (alpha gamma) (e^x - 1)
//! (`activation::scaled_expm1`, one rounding, range-checked); gamma and alpha
//! gamma quantized at the model scale by the code generator. Reals only.
//! Mirrors runtime/src/ops/selu.rs.

use crate::fixed::activation::scaled_expm1;
use crate::fixed::{Scale, check_i64, lt, mul};

pub fn selu(sc: Scale, x: Span<felt252>, gamma: felt252, alpha_gamma: felt252) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(if lt(0, *v) {
            mul(*v, gamma, sc)
        } else {
            check_i64(scaled_expm1(*v, alpha_gamma, sc))
        });
    }
    out.span()
}
