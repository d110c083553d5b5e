//! `ai.onnx.ml.OneHotEncoder` (numeric categories) — a new last axis holding
//! 2^s (one) at the category of each value and 0 elsewhere; reals are
//! truncated to integers first. An unknown value gives zeros, or panics when
//! `zeros` is false. Exact. Mirrors runtime/src/ops/one_hot_encoder.rs.

use crate::arith::div_trunc;
use crate::fixed::Scale;

pub fn one_hot_encoder(sc: Scale, x: Span<felt252>, is_int: bool, cats: Span<felt252>, zeros: bool) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        let value = if is_int {
            *v
        } else {
            div_trunc(*v, sc.one)
        };
        let mut found = false;
        for c in cats {
            if *c == value {
                out.append(sc.one);
                found = true;
            } else {
                out.append(0);
            }
        }
        assert(found || zeros, 'value not among the categories');
    }
    out.span()
}
