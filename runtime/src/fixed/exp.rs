//! Deterministic integer exponentials and the functions built on them
//! (Exp, softmax; sigmoid and tanh are in [`super::logistic`]). Every step is
//! an integer operation on values below 2^127, so the Cairo library
//! reproduces them with u128/i128 arithmetic.
//!
//! # The algorithm
//!
//! For `x` at scale `s`, `e^x = 2^t` with `t = x·log2(e)`:
//!
//! 1. `t32 = floor(x · LOG2E_Q61 / 2^(s + 61 - 32))` — `t` with 32 fraction
//!    bits, floored;
//! 2. `k = floor(t32 / 2^32)`, `f = t32 - k·2^32 ∈ [0, 2^32)`;
//! 3. `2^(f/2^32) = 2^(hi/256) · e^(lo·ln2/2^32)` with `hi` the top 8 bits of
//!    `f` (a table lookup, [`EXP2_Q62`]) and `lo` the low 24 bits, for which
//!    `v = lo·ln2 < ln2/256` and the cubic `1 + v + v²/2 + v³/6` (all terms
//!    floored at scale 62) is within 2.3e-12 of `e^v`;
//! 4. `p = floor(EXP2_Q62[hi] · poly / 2^62) ∈ [2^62, 2^63)` and
//!    `e^x = p · 2^(k - 62)`.
//!
//! The relative error of `p · 2^(k-62)` is below 2^-32·ln2 + 2.3e-12 + 2^-60
//! < 1.7e-10 (the first term is the flooring of `t`); results are then rounded
//! once to the output scale.

pub use super::exp2_table::EXP2_Q62;
use super::{div_round_u, shift_right_round, Bounds, Scale};
use crate::error::ArithError;

/// `round(ln 2 · 2^62)`.
pub const LN2_Q62: u128 = 3_196_577_161_300_663_915;
/// `round(log2(e) · 2^61)`.
pub const LOG2E_Q61: i128 = 3_326_628_274_461_080_623;
/// Fraction bits of the exponent `t` (the internal precision).
pub const EXPONENT_FRACTION_BITS: u32 = 32;
/// Bound on the relative error of [`exp_parts`] before the final rounding.
pub const EXP_RELATIVE_ERROR: f64 = 1.7e-10;
/// Inputs must satisfy `|x| < 2^65` so `x · LOG2E_Q61` fits an i128.
const MAX_EXPONENT_INPUT_BITS: u32 = 65;

const ONE_Q62: u128 = 1 << 62;

/// `e^(x / 2^s) = p · 2^(k - 62)` with `p ∈ [2^62, 2^63]`; returns `(k, p)`.
pub fn exp_parts(x: i128, scale: Scale) -> (i128, u128) {
    debug_assert!(x.unsigned_abs() < 1u128 << MAX_EXPONENT_INPUT_BITS);
    let s = scale.bits();
    let t = x * LOG2E_Q61; // scale s + 61
    let t32 = t >> (s + 61 - EXPONENT_FRACTION_BITS); // arithmetic shift = floor
    let k = t32 >> EXPONENT_FRACTION_BITS;
    let f = (t32 & 0xffff_ffff) as u64;
    let hi = (f >> 24) as usize;
    let lo = (f & 0x00ff_ffff) as u128;
    let v = (lo * LN2_Q62) >> 32; // scale 62, < 2^54
    let v2 = (v * v) >> 62;
    let v3 = (v2 * v) >> 62;
    let poly = ONE_Q62 + v + (v2 >> 1) + v3 / 6;
    let p = (EXP2_Q62[hi] as u128 * poly) >> 62;
    (k, p)
}

/// `e^(d / 2^s)` at scale 62 for `d ≤ 0`, rounded half up: a value in `[0, 2^62]`.
pub fn exp_neg_q62(d: i128, scale: Scale) -> u128 {
    debug_assert!(d <= 0);
    let (k, p) = exp_parts(d, scale);
    // d ≤ 0 gives t ≤ 0 and so k ≤ 0.
    let sh = u32::try_from(-k).unwrap_or(u32::MAX);
    shift_right_round(p, sh)
}

fn overflow(operation: &'static str, approx: f64, scale: Scale, bounds: Bounds) -> ArithError {
    ArithError::Overflow {
        operation,
        approx,
        limit: 2f64.powi(bounds.bits() as i32) / scale.factor(),
        scale: scale.bits(),
    }
}

/// `p · 2^(k - 62)` (an [`exp_parts`] result) at scale s, rounded half up;
/// `None` when it leaves the bounds.
pub fn scale_exp_result(k: i128, p: u128, scale: Scale, bounds: Bounds) -> Option<i64> {
    let e = k + scale.bits() as i128 - 62;
    let value = if e >= 0 {
        if e >= 64 {
            return None;
        }
        p << e
    } else {
        shift_right_round(p, u32::try_from(-e).unwrap_or(u32::MAX))
    };
    bounds.contains(value as i128).then_some(value as i64)
}

/// `round(e^(x/2^s) · 2^s)`; an overflow error when the result leaves the bounds.
pub fn exp(x: i64, scale: Scale, bounds: Bounds) -> Result<i64, ArithError> {
    let (k, p) = exp_parts(x as i128, scale);
    scale_exp_result(k, p, scale, bounds)
        .ok_or_else(|| overflow("Exp", (x as f64 / scale.factor()).exp(), scale, bounds))
}

/// Softmax of one slice: `round(e^(x_i - m) · 2^s / Σ_j e^(x_j - m))` with `m` the
/// maximum, every exponential taken at scale 62 by [`exp_neg_q62`].
pub fn softmax(xs: &[i64], scale: Scale, out: &mut Vec<i64>) {
    let Some(&m) = xs.iter().max() else { return };
    let exps: Vec<u128> = xs.iter().map(|&x| exp_neg_q62(x as i128 - m as i128, scale)).collect();
    // The maximum contributes exactly 2^62, so the sum is ≥ 2^62 and never zero.
    let sum: u128 = exps.iter().sum();
    out.extend(exps.iter().map(|&e| div_round_u(e << scale.bits(), sum) as i64));
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigUint;

    fn sc(bits: u32) -> Scale {
        Scale::new(bits).unwrap()
    }

    #[test]
    fn table_is_correctly_rounded() {
        // T = round(y), y = 2^(62 + j/256)  <=>  (2T-1)^256 ≤ (2y)^256 ≤ (2T+1)^256
        for (j, &t) in EXP2_Q62.iter().enumerate() {
            let two_y_pow = BigUint::from(1u8) << (256 + 62 * 256 + j);
            let below = BigUint::from(2 * t as u128 - 1).pow(256);
            let above = BigUint::from(2 * t as u128 + 1).pow(256);
            assert!(below <= two_y_pow && two_y_pow <= above, "entry {j} = {t} is not round(2^(62+{j}/256))");
        }
    }

    #[test]
    fn constants_match_f64() {
        assert!((LN2_Q62 as f64 / 2f64.powi(62) - std::f64::consts::LN_2).abs() < 1e-15);
        assert!((LOG2E_Q61 as f64 / 2f64.powi(61) - std::f64::consts::LOG2_E).abs() < 1e-15);
    }

    /// exp_parts against f64 over many inputs and scales: the relative error
    /// stays below the documented bound (plus f64's own rounding).
    #[test]
    fn exp_parts_relative_error() {
        let mut worst: f64 = 0.0;
        for bits in [8, 16, 24, 32] {
            let s = sc(bits);
            let mut x: i128 = -(40 << bits);
            let step = (1i128 << bits) / 97 + 1;
            while x <= 40 << bits {
                let (k, p) = exp_parts(x, s);
                assert!((ONE_Q62..=2 * ONE_Q62).contains(&p));
                let got = p as f64 / 2f64.powi(62) * 2f64.powi(k as i32);
                let want = (x as f64 / s.factor()).exp();
                worst = worst.max((got / want - 1.0).abs());
                x += step;
            }
        }
        assert!(worst < EXP_RELATIVE_ERROR + 1e-15, "worst relative error {worst:e}");
    }

    #[test]
    fn exp_rounds_to_scale_and_reports_overflow() {
        let s = sc(16);
        let b = Bounds::new(63);
        assert_eq!(exp(0, s, b), Ok(65536));
        assert_eq!(exp(65536, s, b), Ok((std::f64::consts::E * 65536.0).round() as i64));
        assert_eq!(exp(-(30 << 16), s, b), Ok(0)); // e^-30 · 2^16 < 0.5
        assert_eq!(exp(-(20 << 16), s, b), Ok(0)); // 1.35e-4 < 0.5
        assert_eq!(exp(-(10 << 16), s, b), Ok(3)); // 2.975...
                                                   // e^32 · 2^16 ≈ 2^62.2 fits; e^33 does not.
        assert!(exp(32 << 16, s, b).is_ok());
        assert!(matches!(exp(33 << 16, s, b), Err(ArithError::Overflow { operation: "Exp", .. })));
        assert!(exp(i64::MAX, s, b).is_err());
        assert_eq!(exp(i64::MIN, s, b), Ok(0));
    }

    #[test]
    fn exp_error_within_half_ulp_plus_relative_bound() {
        for bits in [4, 16, 32] {
            let s = sc(bits);
            let b = Bounds::new(63);
            let mut x = -(25i64 << bits);
            let step = (1i64 << bits) / 61 + 1;
            while x < (20i64 << bits) {
                let got = exp(x, s, b).unwrap() as f64;
                let want = (x as f64 / s.factor()).exp() * s.factor();
                let bound = 0.5 + want * (EXP_RELATIVE_ERROR + 1e-15) + 1e-9;
                assert!((got - want).abs() <= bound, "s={bits} x={x}: {got} vs {want}");
                x += step;
            }
        }
    }

    #[test]
    fn softmax_sums_close_to_one_and_is_shift_invariant() {
        let s = sc(16);
        let xs = [65536, -131072, 0, 300000, 300000];
        let mut out = Vec::new();
        softmax(&xs, s, &mut out);
        let total: i64 = out.iter().sum();
        assert!((total - 65536).abs() <= xs.len() as i64);
        let shifted: Vec<i64> = xs.iter().map(|x| x + 12345).collect();
        let mut out2 = Vec::new();
        softmax(&shifted, s, &mut out2);
        assert_eq!(out, out2);
        let denom: f64 = xs.iter().map(|&x| (x as f64 / 65536.0).exp()).sum();
        for (&x, &o) in xs.iter().zip(&out) {
            let want = (x as f64 / 65536.0).exp() / denom * 65536.0;
            assert!((o as f64 - want).abs() <= 0.5 + 1e-6);
        }
        // extreme spreads do not overflow
        let mut out3 = Vec::new();
        softmax(&[i64::MIN, i64::MAX], s, &mut out3);
        assert_eq!(out3, vec![0, 65536]);
    }
}
