//! `Abs` — |x|, element-wise, reals or integers. Exact; |x| past the domain's
//! range (-(-2^63), or an integer type's minimum) panics like the reference's
//! overflow error. Mirrors runtime/src/ops/abs.rs.

use crate::arith::Arith;
use crate::fixed::lt;

pub fn abs<A, +Arith<A>>(ar: @A, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(if lt(*v, 0) {
            // finish_sum is the domain's range check
            ar.finish_sum(-*v)
        } else {
            *v
        });
    }
    out.span()
}
