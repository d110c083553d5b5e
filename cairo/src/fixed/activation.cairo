//! Activations built on the integer exponential (Mish, the Elu family) and the
//! rational ones (HardSigmoid, HardSwish, Softsign): each forms its result
//! exactly at a high scale and rounds once, half up. Mirrors, step for step,
//! runtime/src/fixed/activation.rs.

use crate::arith::abs;
use crate::fixed::exp::exp_neg_q62;
use crate::fixed::{Scale, div_floor, div_floor_small, div_round, lt, pow2};

const ONE_Q62: felt252 = 0x4000000000000000;
/// 2^61, half an ulp at scale 62.
const HALF_Q62: felt252 = 0x2000000000000000;

fn q62() -> NonZero<u128> {
    pow2(62).try_into().unwrap()
}

/// alpha (e^x - 1) for x <= 0: floor((alpha (E - 2^62) + 2^61) / 2^62), E =
/// exp_neg_q62(x); the caller range-checks. Mirrors `scaled_expm1`.
pub fn scaled_expm1(x: felt252, alpha: felt252, sc: Scale) -> felt252 {
    let e: felt252 = exp_neg_q62(x, sc).into();
    div_floor(alpha * (e - ONE_Q62) + HALF_Q62, q62())
}

/// Celu's exponent x / alpha for x < 0, alpha > 0 (Div's rounding), not below
/// -64 (where e^z is 0 at scale 62 already). Mirrors `celu_exponent`.
pub fn celu_exponent(x: felt252, alpha: felt252, sc: Scale) -> felt252 {
    let a: u128 = alpha.try_into().unwrap();
    let z = div_round(x * sc.one, a);
    let floor_z = -64 * sc.one;
    if lt_wide(z, floor_z) {
        floor_z
    } else {
        z
    }
}

/// a < b for values in [-2^126, 2^126).
fn lt_wide(a: felt252, b: felt252) -> bool {
    let (negative, _) = abs(a - b);
    negative
}

/// clamp(alpha x + beta, 0, 1): the exact sum at scale 2s, one rounding.
/// Mirrors `hard_sigmoid`.
pub fn hard_sigmoid(x: felt252, alpha: felt252, beta: felt252, sc: Scale) -> felt252 {
    let v = div_floor_small(alpha * x + beta * sc.one + sc.half, sc.divisor);
    if lt_wide(v, 0) {
        0
    } else if lt_wide(sc.one, v) {
        sc.one
    } else {
        v
    }
}

/// x clamp(x/6 + 1/2, 0, 1): 0 for x <= -3, x for x >= 3, else
/// div_round(x (x + 3 2^s), 6 2^s). Mirrors `hard_swish`.
pub fn hard_swish(x: felt252, sc: Scale) -> felt252 {
    let three = 3 * sc.one;
    if !lt(-three, x) {
        0
    } else if !lt(x, three) {
        x
    } else {
        let six: u128 = (2 * three).try_into().unwrap();
        div_round(x * (x + three), six)
    }
}

/// x / (1 + |x|): div_round(x 2^s, 2^s + |x|). Mirrors `softsign`.
pub fn softsign(x: felt252, sc: Scale) -> felt252 {
    let (_, a) = abs(x);
    let one: u128 = sc.one.try_into().unwrap();
    div_round(x * sc.one, one + a)
}

/// x tanh(ln(1 + e^x)) with the tanh of the softplus in closed form; |result|
/// <= |x|. Mirrors `mish`.
pub fn mish(x: felt252, sc: Scale) -> felt252 {
    let one: u128 = 0x4000000000000000;
    let (negative, a) = abs(x);
    let (n, d) = if negative || x == 0 {
        let e = exp_neg_q62(x, sc);
        let n = (e * e) / one + 2 * e;
        (n, n + 2 * one)
    } else {
        let f = exp_neg_q62(-a.into(), sc);
        let n = one + 2 * f;
        (n, n + 2 * ((f * f) / one))
    };
    let t = (2 * (n * one) + d) / (2 * d);
    div_floor(x * t.into() + HALF_Q62, q62())
}
