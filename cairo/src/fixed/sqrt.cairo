//! Fixed-point square root, rounded to nearest. Mirrors runtime/src/fixed/sqrt.rs.

use core::num::traits::Sqrt;
use crate::fixed::{Scale, check_i64, lt, pow2};

/// round(sqrt(q * 2^s)); panics on negative input.
pub fn sqrt(q: felt252, sc: Scale) -> felt252 {
    assert(!lt(q, 0), 'square root of negative');
    let q: u128 = q.try_into().unwrap();
    let n = q * pow2(sc.bits);
    check_i64(root_half_up(n).into())
}

/// round(sqrt(n)) half up (below 2^64 + 1). Mirrors `root_half_up`.
pub fn root_half_up(n: u128) -> u128 {
    let r: u128 = n.sqrt().into();
    if n - r * r > r {
        r + 1
    } else {
        r
    }
}
