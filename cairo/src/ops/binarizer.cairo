//! `ai.onnx.ml.Binarizer` — `one` where x > floor(threshold) (the threshold's
//! floor in x's domain, from the code generator), else 0; exact.
//! Mirrors runtime/src/ops/binarizer.rs.

use crate::fixed::lt;

pub fn binarizer(x: Span<felt252>, floor: felt252, one: felt252) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(if lt(floor, *v) {
            one
        } else {
            0
        });
    }
    out.span()
}
