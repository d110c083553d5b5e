//! `Relu` — max(0, x). Exact (a comparison). Mirrors runtime/src/ops/relu.rs.

use crate::fixed::lt;

pub fn relu(x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(if lt(*v, 0) {
            0
        } else {
            *v
        });
    }
    out.span()
}
