//! Deterministic integer error function and the exact (erf-based) Gelu.
//!
//! # The algorithm
//!
//! For `a ≥ 0` at scale 62: `a ≥ 5` gives exactly 1 (`1 - erf(5) < 1.6e-12`);
//! otherwise `j = floor(32 a)`, `h = a - j/32 ∈ [0, 1/32)` and
//! `erf(a) ≈ Σ_{n=0..6} c_{j,n} h^n` with `c_{j,n} = erf⁽ⁿ⁾(j/32) / n!` at scale 62
//! (`ERF_TAYLOR_Q62`), evaluated by Horner's rule with each product floored
//! at scale 62. Negative inputs use `erf(-a) = -erf(a)` (exactly odd).
//!
//! The absolute error before the final rounding is below [`ERF_ABS_ERROR`] =
//! 1e-12: the Taylor remainder `h^7/7! · max|erf⁽⁷⁾| ≤ 2^-35/5040 · 135 < 8e-13`,
//! 1.6e-12 beyond 5 (…where the result is already within half an ulp at every
//! scale ≤ 32, 2^-33 ≈ 1.2e-10) and 7 roundings of 2^-62.

pub use super::erf_table::ERF_TAYLOR_Q62;
use super::{Scale, VALUE_BITS};

/// Bound on the absolute error of [`erf_q62`] below 5 (real units); beyond 5 the
/// error is `1 - erf(a) < 1.6e-12`.
pub const ERF_ABS_ERROR: f64 = 1e-12;

const ONE_Q62: i128 = 1 << 62;
/// The grid step 1/32 at scale 62 is 2^57.
const GRID_BITS: u32 = 57;
/// `round(2^62 / sqrt(2))`.
pub const INV_SQRT2_Q62: u128 = 3_260_954_456_333_195_553;

/// `erf(a / 2^62)` at scale 62 for `0 ≤ a < 2^127`: a value in `[0, 2^62]`.
pub fn erf_q62(a: u128) -> i128 {
    let j = a >> GRID_BITS;
    if j >= ERF_TAYLOR_Q62.len() as u128 {
        return ONE_Q62;
    }
    let h = (a - (j << GRID_BITS)) as i128;
    let c = &ERF_TAYLOR_Q62[j as usize];
    let mut p = c[6] as i128;
    for n in (0..6).rev() {
        p = c[n] as i128 + ((p * h) >> 62);
    }
    p
}

/// `round(erf(x / 2^s) · 2^s)`, exactly odd.
pub fn erf(x: i64, scale: Scale) -> i64 {
    let a = (x as i128).unsigned_abs() << (62 - scale.bits());
    let sh = 62 - scale.bits();
    let e = ((erf_q62(a) + (1 << (sh - 1))) >> sh) as i64; // ≤ 2^s
    if x < 0 {
        -e
    } else {
        e
    }
}

/// `round(x · Φ(x) · 2^s)` with `Φ(x) = (1 + erf(x/√2)) / 2`: `u = floor(|x| ·
/// INV_SQRT2_Q62 / 2^s)` is `|x|/√2` at scale 62, `E = erf_q62(u)`, and the
/// result is `x · (2^62 ± E) / 2^63` rounded half up (+ for x ≥ 0). `|result| ≤ |x|`:
/// it never overflows.
pub fn gelu(x: i64, scale: Scale) -> i64 {
    let u = ((x as i128).unsigned_abs() * INV_SQRT2_Q62) >> scale.bits();
    let e = erf_q62(u);
    let phi2 = if x >= 0 { ONE_Q62 + e } else { ONE_Q62 - e };
    let v = (x as i128 * phi2 + (1 << (VALUE_BITS - 1))) >> VALUE_BITS;
    v as i64
}

/// `Φ⁻¹(x / 2^s)` — the standard normal quantile, ONNX's PROBIT — rounded
/// half up at scale s, for `0 < x < 2^s` (`None` outside, where it is
/// infinite or undefined).
///
/// The result is the largest `r` with `Φ((r − ½) / 2^s) ≤ x / 2^s`, found by
/// bisection on `r + 8·2^s ∈ [0, 16·2^s]` (s + 4 halvings), Φ evaluated as
/// `erf_q62` of `|2r − 1|·2^(61−s)·INV_SQRT2_Q62 / 2^62` (floored), with the
/// sign of `2r − 1`, compared with `(2x − 2^s)·2^(62−s)` = 2x − 1 at scale 62.
/// Since Φ(±8) is 1 or 0 to within erf_q62's saturation, both ends bracket
/// every x strictly inside (0, 1). Error: at most ½ unit (the rounding) plus
/// erf_q62's error carried through the quantile's slope, `5e-13 / φ(q)` real
/// units (φ the normal density at the quantile q): below 2^-32 for |q| ≤ 3,
/// about 2e-8 at the most extreme score of scale 32 (tested); monotone in x.
pub fn probit(x: i64, scale: Scale) -> Option<i64> {
    let s = scale.bits();
    let one = 1i64 << s;
    if x <= 0 || x >= one {
        return None;
    }
    let z = ((2 * x - one) as i128) << (62 - s);
    let erf_at_midpoint = |r: i64| -> i128 {
        let m = 2 * r as i128 - 1;
        let a = ((m.unsigned_abs() << (61 - s)) * INV_SQRT2_Q62) >> 62;
        let e = erf_q62(a);
        if m < 0 {
            -e
        } else {
            e
        }
    };
    let offset = 8i64 << s;
    let (mut lo, mut hi) = (0i64, 2 * offset);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if erf_at_midpoint(mid - offset) <= z {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(lo - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sc(bits: u32) -> Scale {
        Scale::new(bits).unwrap()
    }

    /// erf⁽ⁿ⁾(a)/n! from erf'(a) = 2/√π e^(-a²) and the Hermite recurrence.
    fn taylor_f64(a: f64) -> [f64; 7] {
        let g = 2.0 / std::f64::consts::PI.sqrt() * (-a * a).exp();
        let mut h = [0.0; 7];
        h[0] = 1.0;
        h[1] = 2.0 * a;
        for n in 1..6 {
            h[n + 1] = 2.0 * a * h[n] - 2.0 * n as f64 * h[n - 1];
        }
        let mut out = [libm::erf(a), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        let mut fact = 1.0;
        for n in 1..7 {
            fact *= n as f64;
            let sign = if n % 2 == 1 { 1.0 } else { -1.0 };
            out[n] = sign * g * h[n - 1] / fact;
        }
        out
    }

    #[test]
    fn table_matches_f64() {
        for (j, row) in ERF_TAYLOR_Q62.iter().enumerate() {
            let want = taylor_f64(j as f64 / 32.0);
            for n in 0..7 {
                let got = row[n] as f64 / 2f64.powi(62);
                assert!((got - want[n]).abs() <= 1e-14, "entry {j},{n}: {got} vs {}", want[n]);
            }
        }
    }

    #[test]
    fn constants_match_f64() {
        assert!((INV_SQRT2_Q62 as f64 / 2f64.powi(62) - std::f64::consts::FRAC_1_SQRT_2).abs() < 1e-16);
    }

    #[test]
    fn erf_q62_error_below_bound() {
        let mut worst: f64 = 0.0;
        let top = 6u128 << 62;
        let step = top / 200_003;
        let mut a = 0u128;
        while a < top {
            let got = erf_q62(a);
            assert!((0..=ONE_Q62).contains(&got), "{a}");
            let want = libm::erf(a as f64 / 2f64.powi(62));
            // libm's erf is within 1 ulp of f64 (< 2.3e-16 near 1)
            worst = worst.max((got as f64 / 2f64.powi(62) - want).abs());
            a += step;
        }
        assert!(worst < ERF_ABS_ERROR + 1.6e-12, "worst {worst:e}");
        assert_eq!(erf_q62(u128::MAX >> 1), ONE_Q62);
    }

    #[test]
    fn erf_and_gelu_accuracy() {
        for bits in [8, 16, 32] {
            let s = sc(bits);
            let mut x = -(8i64 << bits);
            while x <= 8i64 << bits {
                let xr = x as f64 / s.factor();
                let got = erf(x, s) as f64;
                let want = libm::erf(xr) * s.factor();
                assert!((got - want).abs() <= 0.5 + 2e-12 * s.factor(), "erf s={bits} x={xr}");
                assert_eq!(erf(-x, s), -erf(x, s));
                let got = gelu(x, s) as f64;
                let want = xr * 0.5 * (1.0 + libm::erf(xr / std::f64::consts::SQRT_2)) * s.factor();
                assert!((got - want).abs() <= 0.5 + (1.0 + xr.abs()) * 2e-12 * s.factor(), "gelu s={bits} x={xr}");
                x += (1i64 << bits) / 29 + 1;
            }
        }
        let s = sc(16);
        assert_eq!(gelu(i64::MAX, s), i64::MAX);
        assert_eq!(gelu(i64::MIN, s), 0);
        assert_eq!(erf(i64::MIN, s), -65536);
    }

    /// Φ⁻¹ in f64 by bisection on libm's erf (the accuracy reference).
    fn probit_f64(p: f64) -> f64 {
        let (mut lo, mut hi) = (-12.0f64, 12.0f64);
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            if 0.5 * (1.0 + libm::erf(mid / std::f64::consts::SQRT_2)) <= p {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lo
    }

    #[test]
    fn probit_is_the_rounded_normal_quantile() {
        for bits in [8, 16, 24, 32] {
            let scale = sc(bits);
            let one = 1i64 << bits;
            let step = (one / 4099).max(1);
            let mut worst: f64 = 0.0;
            let mut prev = i64::MIN;
            let mut x = 1;
            while x < one {
                let r = probit(x, scale).unwrap();
                assert!(r >= prev, "probit must be monotone (x = {x} at scale {bits})");
                prev = r;
                let q = probit_f64(x as f64 / one as f64);
                // Half a unit of rounding plus erf_q62's error (as Φ's, 5e-13)
                // carried through the quantile's slope 1/φ(q).
                let density = (-0.5 * q * q).exp() / (2.0 * std::f64::consts::PI).sqrt();
                let allowed = 0.5 + 5e-13 / density * one as f64 + 1e-6;
                let excess = (r as f64 - q * one as f64).abs() / allowed;
                worst = worst.max(excess);
                x += step;
            }
            assert!(worst <= 1.0, "scale {bits}: error {worst} × the documented bound");
            assert_eq!(probit(one / 2, scale), Some(0));
            // The extreme scores stay within the bracket (|Φ⁻¹| < 8).
            assert!(probit(1, scale).unwrap() > -(8 << bits) && probit(one - 1, scale).unwrap() < 8 << bits);
        }
        assert_eq!(probit(0, sc(16)), None);
        assert_eq!(probit(65536, sc(16)), None);
        assert_eq!(probit(-3, sc(16)), None);
    }
}
