//! `Sign` — -1, 0 or 1 by the sign of x, reals (±2^s) or integers. Exact.
//! Mirrors runtime/src/ops/sign.rs.

use crate::arith::Arith;
use crate::fixed::lt;

pub fn sign<A, +Arith<A>>(ar: @A, x: Span<felt252>) -> Span<felt252> {
    let one = ar.from_int(1);
    let mut out = array![];
    for v in x {
        out.append(if *v == 0 {
            0
        } else if lt(*v, 0) {
            -one
        } else {
            one
        });
    }
    out.span()
}
