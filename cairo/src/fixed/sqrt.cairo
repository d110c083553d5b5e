//! Fixed-point square root, rounded to nearest. Mirrors runtime/src/fixed/sqrt.rs.

use core::num::traits::Sqrt;
use crate::fixed::{Scale, check_i64, lt, pow2};

/// round(sqrt(q * 2^s)); panics on negative input.
pub fn sqrt(q: felt252, sc: Scale) -> felt252 {
    assert(!lt(q, 0), 'square root of negative');
    let q: u128 = q.try_into().unwrap();
    let n = q * pow2(sc.bits);
    let r: u128 = n.sqrt().into();
    let r = if n - r * r > r {
        r + 1
    } else {
        r
    };
    check_i64(r.into())
}
