//! `LeakyRelu` — x for x >= 0, else Mul(x, alpha_q): alpha quantized at the
//! model scale by the code generator, one rounding half up, range-checked.
//! Reals only. Mirrors runtime/src/ops/leaky_relu.rs.

use crate::fixed::{Scale, lt, mul};

/// `alpha` is `None` when it cannot be quantized at the model scale: like the
/// reference, that fails on the first negative input only.
pub fn leaky_relu(sc: Scale, x: Span<felt252>, alpha: Option<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        if lt(*v, 0) {
            let a = alpha.expect('alpha out of range');
            out.append(mul(*v, a, sc));
        } else {
            out.append(*v);
        }
    }
    out.span()
}
