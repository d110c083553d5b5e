//! `Round` — the nearest integer, ties to even, on stored values: with
//! k = floor(q / 2^s) and f = q - k 2^s, k + 1 when f > 2^(s-1) or f = 2^(s-1)
//! and k is odd, else k; times 2^s. Exact; a result of 2^63 ulps panics like
//! the reference's overflow error. Reals only. Mirrors runtime/src/ops/round.rs
//! (`fixed::integer::round_half_even`).

use crate::fixed::{Scale, TWO_POW_63, check_i64, div_floor_small};

pub fn round(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let half: u128 = sc.half.try_into().unwrap();
    let mut out = array![];
    for v in x {
        let k = div_floor_small(*v, sc.divisor);
        let f: u128 = (*v - k * sc.one).try_into().unwrap(); // in [0, 2^s)
        // k + 2^63 has k's parity and is a u128
        let k_odd = {
            let u: u128 = (k + TWO_POW_63).try_into().unwrap();
            u % 2 == 1
        };
        let r = if f > half || (f == half && k_odd) {
            k + 1
        } else {
            k
        };
        out.append(check_i64(r * sc.one));
    }
    out.span()
}
