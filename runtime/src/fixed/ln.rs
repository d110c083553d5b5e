//! Deterministic integer natural logarithm and what is built on it (Log,
//! LogSoftmax, Softplus, Pow with a real exponent). Every step is an integer
//! operation on values below 2^127, so the Cairo library (`cairo/src/fixed/ln.cairo`)
//! reproduces it with u128 arithmetic.
//!
//! # The algorithm
//!
//! For an integer `n > 0` standing for `n / 2^f`:
//!
//! 1. `k = floor(log2 n)`; `m = n · 2^(62 - k)` (a right shift, floored, when
//!    `k > 62`): `m / 2^62 ∈ [1, 2)`;
//! 2. `j` = the 8 bits of `m` below its leading one, `c = 2^62 + j · 2^54`
//!    (`1 + j/256` at scale 62), `r = floor((m - c) · 2^62 / c)`, so that
//!    `m = c · (1 + r/2^62)` with `r / 2^62 < 2^-8`;
//! 3. `ln(1 + r) ≈ r - r²/2 + r³/3 - r⁴/4`, each power and quotient floored at
//!    scale 62 (the series' remainder is below `r⁵/5 < 2^-40 / 5 ≈ 1.8e-13`);
//! 4. `ln(n / 2^f) = (k - f) · LN2_Q62 + LN1P_Q62[j] + series` at scale 62.
//!
//! The absolute error of step 4 is below [`LN_ABS_ERROR`] = 2e-13: 1.8e-13 from
//! the series, and at most 2^-56 from the constants (`|k - f| ≤ 127` times
//! LN2_Q62's 2^-63) and 8 floorings of 2^-62.

use super::exp::{exp_neg_q62, exp_parts, scale_exp_result, LN2_Q62};
pub use super::ln_table::LN1P_Q62;
use super::{Bounds, Scale};
use crate::error::ArithError;

/// Bound on the absolute error of [`ln_q62`] (in real units) before any rounding.
pub const LN_ABS_ERROR: f64 = 2e-13;

const ONE_Q62: u128 = 1 << 62;
/// 64 at scale 32: `e^-64 · 2^32 < 2^-60`, so a smaller exponent gives 0 at
/// every scale, and `e^64` overflows at every scale.
const POW_EXPONENT_LIMIT_Q32: i128 = 64 << 32;

/// `ln(n / 2^frac)` at scale 62, for `0 < n < 2^127`.
pub fn ln_q62(n: u128, frac: u32) -> i128 {
    debug_assert!(n > 0 && n < 1 << 127);
    let k = 127 - n.leading_zeros();
    let m = if k <= 62 { n << (62 - k) } else { n >> (k - 62) };
    let j = (m >> 54) - 256;
    let c = ONE_Q62 + (j << 54);
    let r = ((m - c) << 62) / c; // < 2^54
    let r2 = (r * r) >> 62;
    let r3 = (r2 * r) >> 62;
    let r4 = (r3 * r) >> 62;
    let series = r - r2 / 2 + r3 / 3 - r4 / 4; // r > r2/2, so never negative
    (k as i128 - frac as i128) * LN2_Q62 as i128 + (LN1P_Q62[j as usize] as u128 + series) as i128
}

/// A signed scale-62 value at scale `s`, rounded half up.
pub fn q62_to_scale(v: i128, scale: Scale) -> i128 {
    let sh = 62 - scale.bits();
    (v + (1 << (sh - 1))) >> sh
}

/// `round(ln(x / 2^s) · 2^s)`; `x ≤ 0` is a domain error (ONNX gives -inf or NaN).
pub fn ln(x: i64, scale: Scale) -> Result<i128, ArithError> {
    if x <= 0 {
        return Err(ArithError::Domain { operation: "Log", value: x as f64 / scale.factor() });
    }
    Ok(q62_to_scale(ln_q62(x as u128, scale.bits()), scale))
}

/// `round(ln(1 + e^x) · 2^s)` as `max(x, 0) + ln(1 + e^-|x|)`: the exponential is
/// at most 1, so nothing overflows before the final range check.
pub fn softplus(x: i64, scale: Scale) -> i128 {
    let e = exp_neg_q62(-(x as i128).abs(), scale);
    let l = ln_q62(ONE_Q62 + e, 62);
    let pos = (x.max(0) as i128) << (62 - scale.bits());
    q62_to_scale(pos + l, scale)
}

/// Log-softmax of one slice: `x_i - m - ln(Σ_j e^(x_j - m))` with `m` the
/// maximum, each exponential at scale 62 ([`exp_neg_q62`]), the logarithm by
/// [`ln_q62`], one rounding per output.
pub fn log_softmax(xs: &[i64], scale: Scale, out: &mut Vec<i128>) {
    let Some(&m) = xs.iter().max() else { return };
    // The maximum contributes exactly 2^62, so the sum is ≥ 2^62.
    let sum: u128 = xs.iter().map(|&x| exp_neg_q62(x as i128 - m as i128, scale)).sum();
    let l = ln_q62(sum, 62);
    let sh = 62 - scale.bits();
    out.extend(xs.iter().map(|&x| q62_to_scale(((x as i128 - m as i128) << sh) - l, scale)));
}

/// `ln(Σ_j e^(x_j))` of one slice as `m + ln(Σ_j e^(x_j - m))`, `m` the maximum:
/// the exponentials at scale 62 ([`exp_neg_q62`], the maximum's exactly 2^62,
/// so the sum is ≥ 2^62), the logarithm by [`ln_q62`], `m` joined at scale 62
/// and one rounding to scale s. `None` for an empty slice (ln 0).
pub fn log_sum_exp(xs: &[i64], scale: Scale) -> Option<i128> {
    let &m = xs.iter().max()?;
    let sum: u128 = xs.iter().map(|&x| exp_neg_q62(x as i128 - m as i128, scale)).sum();
    let l = ln_q62(sum, 62);
    Some(q62_to_scale(((m as i128) << (62 - scale.bits())) + l, scale))
}

/// `x^y = e^(y · ln x)` for `x > 0` and any real `y`: `z = floor(y · L40 / 2^(s+8))`
/// at scale 32 with `L40 = floor(ln_q62(x) / 2^22)` (ln x at scale 40); `z ≥ 64`
/// overflows, `z < -64` is taken as -64 (the result rounds to 0 either way);
/// then `e^z` by [`exp_parts`] at scale 32, rounded half up to scale s.
/// Relative error before that rounding: 2^-32 (flooring z) + |y|·(2^-40 + 2e-13)
/// + 1.7e-10 (exp).
pub fn pow_real(x: i64, y: i64, scale: Scale, bounds: Bounds) -> Result<i64, ArithError> {
    debug_assert!(x > 0);
    let l40 = ln_q62(x as u128, scale.bits()) >> 22;
    let z = (y as i128 * l40) >> (scale.bits() + 8);
    let approx = || (x as f64 / scale.factor()).powf(y as f64 / scale.factor());
    if z >= POW_EXPONENT_LIMIT_Q32 {
        return Err(pow_overflow(approx(), scale, bounds));
    }
    let z = z.max(-POW_EXPONENT_LIMIT_Q32);
    let (k, p) = exp_parts(z, Scale(32));
    scale_exp_result(k, p, scale, bounds).ok_or_else(|| pow_overflow(approx(), scale, bounds))
}

fn pow_overflow(approx: f64, scale: Scale, bounds: Bounds) -> ArithError {
    ArithError::Overflow {
        operation: "Pow",
        approx,
        limit: 2f64.powi(bounds.bits() as i32) / scale.factor(),
        scale: scale.bits(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sc(bits: u32) -> Scale {
        Scale::new(bits).unwrap()
    }

    #[test]
    fn table_matches_f64() {
        for (j, &t) in LN1P_Q62.iter().enumerate() {
            let want = (j as f64 / 256.0).ln_1p() * 2f64.powi(62);
            // f64 carries 53 bits: the entries agree to f64's own rounding.
            assert!((t as f64 - want).abs() <= want * 2e-16 + 1.0, "entry {j}");
        }
    }

    #[test]
    fn log_sum_exp_error_below_bound() {
        // before the final rounding: 1.7e-10 (exponentials, relative to a sum
        // ≥ 1) + n·2^-63 + 2e-13 (ln); measured against f64 on slices of up to
        // 64 values in ±40 at scales 8–32
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut worst: f64 = 0.0;
        for bits in [8u32, 16, 24, 32] {
            let s = sc(bits);
            for len in [1usize, 2, 3, 7, 64] {
                for _ in 0..200 {
                    let xs: Vec<i64> = (0..len).map(|_| ((next() % (80 << bits)) as i64) - (40i64 << bits)).collect();
                    let got = log_sum_exp(&xs, s).unwrap() as f64 / s.factor();
                    let m = xs.iter().map(|&x| x as f64 / s.factor()).fold(f64::NEG_INFINITY, f64::max);
                    let want = m + xs.iter().map(|&x| (x as f64 / s.factor() - m).exp()).sum::<f64>().ln();
                    let rounding = 0.5 / s.factor();
                    worst = worst.max((got - want).abs() - rounding);
                    assert!((got - want).abs() <= rounding + 1.7e-10 + 64.0 * 2f64.powi(-63) + 2e-13 + 1e-14);
                }
            }
        }
        assert_eq!(log_sum_exp(&[], sc(16)), None);
        println!("log_sum_exp: worst error beyond the final rounding {worst:e}");
    }

    #[test]
    fn ln_q62_error_below_bound() {
        let mut worst: f64 = 0.0;
        let mut n: u128 = 1;
        while n < 1 << 126 {
            for m in [n, n + n / 3, n + n / 7 * 5, n * 2 - 1] {
                for frac in [0u32, 16, 32, 62] {
                    let got = ln_q62(m, frac) as f64 / 2f64.powi(62);
                    let want = (m as f64).ln() - frac as f64 * std::f64::consts::LN_2;
                    worst = worst.max((got - want).abs() - want.abs() * 1e-16);
                }
            }
            n = n * 2 + n / 5 + 1;
        }
        // dense sweep of the mantissa
        for i in 0..20_000u128 {
            let m = (1u128 << 62) + i * ((1u128 << 62) / 20_000) + i;
            let got = ln_q62(m, 62) as f64 / 2f64.powi(62);
            let want = (m as f64 / 2f64.powi(62)).ln();
            worst = worst.max((got - want).abs());
        }
        assert!(worst < LN_ABS_ERROR, "worst {worst:e}");
    }

    #[test]
    fn ln_rounds_and_rejects_non_positive() {
        let s = sc(16);
        assert_eq!(ln(65536, s), Ok(0));
        assert_eq!(ln(2 * 65536, s), Ok((std::f64::consts::LN_2 * 65536.0).round() as i128));
        assert!(ln(0, s).is_err());
        assert!(ln(-5, s).is_err());
        for bits in [1, 8, 16, 32] {
            let s = sc(bits);
            for x in [1i64, 2, 3, 1000, 1 << 40, i64::MAX, 123_456_789] {
                let got = ln(x, s).unwrap() as f64;
                let want = (x as f64 / s.factor()).ln() * s.factor();
                assert!((got - want).abs() <= 0.5 + LN_ABS_ERROR * s.factor() + want.abs() * 1e-15, "s={bits} x={x}");
            }
        }
    }

    #[test]
    fn softplus_and_log_softmax() {
        for bits in [8, 16, 32] {
            let s = sc(bits);
            let mut x = -(30i64 << bits);
            while x <= 30i64 << bits {
                let xr = x as f64 / s.factor();
                let want = if xr > 0.0 { xr + (-xr).exp().ln_1p() } else { xr.exp().ln_1p() } * s.factor();
                let got = softplus(x, s) as f64;
                assert!((got - want).abs() <= 0.5 + 1e-9 * s.factor(), "s={bits} x={xr}");
                x += (1i64 << bits) / 13 + 1;
            }
        }
        let s = sc(16);
        let xs = [65536, -131072, 0, 300000];
        let mut out = Vec::new();
        log_softmax(&xs, s, &mut out);
        let denom: f64 = xs.iter().map(|&x| (x as f64 / 65536.0).exp()).sum();
        for (&x, &o) in xs.iter().zip(&out) {
            let want = ((x as f64 / 65536.0).exp() / denom).ln() * 65536.0;
            assert!((o as f64 - want).abs() <= 0.5 + 1e-6);
        }
        let mut out = Vec::new();
        log_softmax(&[i64::MIN, i64::MAX], s, &mut out);
        assert_eq!(out[1], 0);
    }

    #[test]
    fn pow_real_relative_error() {
        let b = Bounds::new(63);
        for bits in [16, 32] {
            let s = sc(bits);
            for &xr in &[0.001, 0.37, 1.0, 1.5, 2.0, 10.0, 1234.5] {
                for &yr in &[-2.5, -1.3, 0.25, 0.3, 1.5, 2.7, 3.1] {
                    let (x, y) = ((xr * s.factor()) as i64, (yr * s.factor()).round() as i64);
                    let want = (x as f64 / s.factor()).powf(y as f64 / s.factor());
                    if want * s.factor() >= 2f64.powi(62) {
                        continue;
                    }
                    let got = pow_real(x, y, s, b).unwrap() as f64 / s.factor();
                    let rel = 2f64.powi(-32) + yr.abs() * (2f64.powi(-40) + LN_ABS_ERROR) + 1.7e-10;
                    assert!((got - want).abs() <= 0.5 / s.factor() + want * rel, "s={bits} {xr}^{yr}: {got} vs {want}");
                }
            }
        }
        assert!(pow_real(10 << 16, 30 << 16, sc(16), b).is_err());
        assert_eq!(pow_real(1 << 16, i64::MAX, sc(16), b), Ok(1 << 16));
        assert_eq!(pow_real(1 << 15, i64::MAX, sc(16), b), Ok(0));
    }
}
