//! Integer error function and the exact (erf-based) Gelu. Mirrors
//! runtime/src/fixed/erf.rs: degree-6 Taylor polynomials of erf on a 1/32 grid
//! at scale 62 (`ERF_TAYLOR_Q62`), Horner's rule with each product floored,
//! 1 beyond 5; exactly odd.

use crate::fixed::{Scale, div_floor, pow2};
use super::erf_table::ERF_TAYLOR_Q62;

const ONE_Q62: felt252 = 0x4000000000000000;
/// Rows of the table: the grid points 0, 1/32, ..., 159/32.
const GRID_POINTS: u128 = 160;
/// The grid step 1/32 at scale 62.
const GRID_STEP: u128 = 0x200000000000000;
/// round(2^62 / sqrt(2)). Mirrors `INV_SQRT2_Q62`.
const INV_SQRT2_Q62: u128 = 3260954456333195553;

/// erf(a / 2^62) at scale 62 for 0 <= a < 2^127. Mirrors `erf_q62`.
pub fn erf_q62(a: u128) -> felt252 {
    let (j, h) = DivRem::div_rem(a, GRID_STEP.try_into().unwrap());
    if j >= GRID_POINTS {
        return ONE_Q62;
    }
    let j: u32 = j.try_into().unwrap();
    let row = ERF_TAYLOR_Q62.span().slice(j * 7, 7);
    let h: felt252 = h.into();
    let q62: NonZero<u128> = pow2(62).try_into().unwrap();
    let mut p: felt252 = (*row[6]).into();
    let mut n = 6;
    while n > 0 {
        n -= 1;
        let c: felt252 = (*row[n]).into();
        p = c + div_floor(p * h, q62);
    }
    p
}

/// round(erf(x / 2^s) 2^s), exactly odd. Mirrors `erf`.
pub fn erf(x: felt252, sc: Scale) -> felt252 {
    let (negative, a) = crate::arith::abs(x);
    let sh = 62 - sc.bits;
    let e = div_floor(erf_q62(a * pow2(sh)) + pow2(sh - 1).into(), pow2(sh).try_into().unwrap());
    if negative {
        -e
    } else {
        e
    }
}

/// x (2^62 +- t) / 2^63 rounded half up (+ for x >= 0), t in [0, 2^62]: x (1 + tanh)/2
/// or x Phi(x) without ever leaving |x|. Mirrors `half_x_one_plus` and the end of `gelu`.
pub fn half_x_one_plus(x: felt252, negative: bool, t: felt252) -> felt252 {
    let phi2 = if negative {
        ONE_Q62 - t
    } else {
        ONE_Q62 + t
    };
    div_floor(x * phi2 + ONE_Q62, pow2(63).try_into().unwrap())
}

/// round(x Phi(x) 2^s) with Phi(x) = (1 + erf(x / sqrt 2)) / 2. Mirrors `gelu`.
pub fn gelu(x: felt252, sc: Scale) -> felt252 {
    let (negative, a) = crate::arith::abs(x);
    let u = (a * INV_SQRT2_Q62) / pow2(sc.bits);
    half_x_one_plus(x, negative, erf_q62(u))
}

/// Phi^-1(x / 2^s), the standard normal quantile (PROBIT), rounded half up,
/// for 0 < x < 2^s (panics outside). Mirrors `probit`: the largest r with
/// Phi((r - 1/2) / 2^s) <= x / 2^s, by bisection on r + 8 2^s in [0, 16 2^s].
pub fn probit(x: felt252, sc: Scale) -> felt252 {
    assert(crate::fixed::lt(0, x) && crate::fixed::lt(x, sc.one), 'PROBIT of a score outside (0,1)');
    let s = sc.bits;
    let z: felt252 = (2 * x - sc.one) * pow2(62 - s).into();
    let offset: u128 = 8 * pow2(s);
    let mut lo: u128 = 0;
    let mut hi: u128 = 2 * offset;
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        let r: felt252 = mid.into() - offset.into();
        if crate::fixed::lt(z, erf_at_midpoint(r, s)) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    lo.into() - offset.into()
}

/// erf((r - 1/2) / (2^s sqrt 2)) at scale 62, odd in 2r - 1. Mirrors the
/// closure in `probit`.
fn erf_at_midpoint(r: felt252, s: u32) -> felt252 {
    let (negative, a) = crate::arith::abs(2 * r - 1);
    let u = (a * pow2(61 - s) * INV_SQRT2_Q62) / pow2(62);
    let e = erf_q62(u);
    if negative {
        -e
    } else {
        e
    }
}
