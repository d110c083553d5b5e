//! `Neg` — -x, element-wise, reals or integers. Exact; a result outside the
//! domain's range (-(-2^63), a signed minimum, a non-zero unsigned value)
//! panics like the reference's overflow error. Mirrors runtime/src/ops/neg.rs.

use crate::arith::Arith;

pub fn neg<A, +Arith<A>>(ar: @A, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        // finish_sum is the domain's range check
        out.append(ar.finish_sum(-*v));
    }
    out.span()
}
