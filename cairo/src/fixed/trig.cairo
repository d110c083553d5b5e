//! Integer sine and cosine. Mirrors runtime/src/fixed/trig.rs: an exact range
//! reduction by round(pi/2 2^124) (here one u256 division, the same quotient
//! and remainder as the Rust shift-and-subtract), |r| <= pi/4 at scale 62,
//! degree-15/14 Taylor polynomials by Horner's rule with each product floored,
//! the quadrant, one rounding half up.

use crate::fixed::{Scale, div_floor, pow2};

/// round(pi/2 2^124). Mirrors `HALF_PI_Q124`.
const HALF_PI_Q124: u128 = 33407143252030210870615011661308461978;

/// Mirrors `SIN_Q62`.
const SIN_Q62: [i128; 8] = [
    4611686018427387904, -768614336404564651, 38430716820228233, -915017067148291, 12708570377060,
    -115532457973, 740592679, -3526632,
];

/// Mirrors `COS_Q62`.
const COS_Q62: [i128; 8] = [
    4611686018427387904, -2305843009213693952, 192153584101141163, -6405119470038039,
    114377133393536, -1270857037706, 9627704831, -52899477,
];

fn q62() -> NonZero<u128> {
    pow2(62).try_into().unwrap()
}

fn horner(c: Span<i128>, z: felt252) -> felt252 {
    let mut p: felt252 = (*c[7]).into();
    let mut n = 7;
    while n > 0 {
        n -= 1;
        let cn: felt252 = (*c[n]).into();
        p = cn + div_floor(p * z, q62());
    }
    p
}

/// (sin x, cos x) at scale 62 for a stored x at scale s. Mirrors `sin_cos_q62`.
pub fn sin_cos_q62(x: felt252, sc: Scale) -> (felt252, felt252) {
    let (negative, a) = crate::arith::abs(x);
    let n: u256 = a.into() * pow2(124 - sc.bits).into();
    let p: u256 = HALF_PI_Q124.into();
    let (k, r) = DivRem::div_rem(n, p.try_into().unwrap());
    let k: u128 = k.low % 4;
    let r: u128 = r.low;
    let r_felt: felt252 = r.into();
    let (k, r) = if 2 * r > HALF_PI_Q124 {
        ((k + 1) % 4, r_felt - HALF_PI_Q124.into())
    } else {
        (k, r_felt)
    };
    let r62 = div_floor(r, q62());
    let z = div_floor(r62 * r62, q62());
    let s = div_floor(r62 * horner(SIN_Q62.span(), z), q62());
    let c = horner(COS_Q62.span(), z);
    let (sin_a, cos_a) = if k == 0 {
        (s, c)
    } else if k == 1 {
        (c, -s)
    } else if k == 2 {
        (-s, -c)
    } else {
        (-c, s)
    };
    (if negative {
        -sin_a
    } else {
        sin_a
    }, cos_a)
}

/// A scale-62 value at scale s, rounded half up.
fn to_scale(v: felt252, sc: Scale) -> felt252 {
    let sh = 62 - sc.bits;
    div_floor(v + pow2(sh - 1).into(), pow2(sh).try_into().unwrap())
}

/// round(sin(x / 2^s) 2^s). Mirrors `sin`.
pub fn sin(x: felt252, sc: Scale) -> felt252 {
    let (s, _) = sin_cos_q62(x, sc);
    to_scale(s, sc)
}

/// round(cos(x / 2^s) 2^s). Mirrors `cos`.
pub fn cos(x: felt252, sc: Scale) -> felt252 {
    let (_, c) = sin_cos_q62(x, sc);
    to_scale(c, sc)
}
