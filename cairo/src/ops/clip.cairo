//! `Clip` — min(max(x, min), max) with optional scalar bounds (inputs from
//! opset 11, attributes quantized at the model scale by the code generator
//! before); when min > max every output is max. Exact: signed comparisons of
//! stored values, reals or ints alike. Mirrors runtime/src/ops/clip.rs.

use crate::fixed::lt;

/// `lo`/`hi`: `None` when unbounded.
pub fn clip(x: Span<felt252>, lo: Option<felt252>, hi: Option<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        let mut y = *v;
        if let Option::Some(l) = lo {
            if lt(y, l) {
                y = l;
            }
        }
        if let Option::Some(h) = hi {
            if lt(h, y) {
                y = h;
            }
        }
        out.append(y);
    }
    out.span()
}
