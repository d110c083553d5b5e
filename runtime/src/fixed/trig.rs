//! Deterministic integer sine and cosine.
//!
//! # The algorithm
//!
//! For a stored value `q` at scale `s`, with `a = |q|`:
//!
//! 1. range reduction, exact: `n = a · 2^(124 - s)` (`|x|` at scale 124) and
//!    `P = round(π/2 · 2^124)` ([`HALF_PI_Q124`]); `k = floor(n / P)`,
//!    `r = n - k·P ∈ [0, P)`. Only `k mod 4` matters. The error is that of P
//!    times k: below `2^-125 · k ≤ 2^-63` for every stored value.
//! 2. `r > P/2` (past π/4) becomes `r - P` and `k + 1`, so `|r| ≤ π/4`; then
//!    `r62 = floor(r / 2^62)` (scale 62).
//! 3. `z = floor(r62² / 2^62)`; `sin r = r62 · Σ S_n z^n`, `cos r = Σ C_n z^n`
//!    for n = 0..=7 with `S_n = round((-1)^n 2^62 / (2n+1)!)`,
//!    `C_n = round((-1)^n 2^62 / (2n)!)`, by Horner's rule with each product
//!    floored at scale 62 (Taylor remainders below 1.1e-15 on |r| ≤ π/4).
//! 4. by quadrant `k mod 4`: sin |x| = S, C, -S, -C and cos |x| = C, -S, -C, S;
//!    `sin(-x) = -sin x`, `cos(-x) = cos x`; rounded half up to scale s.
//!
//! Absolute error before the final rounding: below [`TRIG_ABS_ERROR`] = 1e-14
//! (remainder 1.1e-15, reduction 2^-62, about 20 floorings of 2^-62).

use super::Scale;

/// Bound on the absolute error of [`sin_cos_q62`] (real units).
pub const TRIG_ABS_ERROR: f64 = 1e-14;

/// `round(π/2 · 2^124)`.
pub const HALF_PI_Q124: u128 = 33_407_143_252_030_210_870_615_011_661_308_461_978;

/// `round((-1)^n · 2^62 / (2n+1)!)`, n = 0..=7: sin's Taylor coefficients in z = r².
pub const SIN_Q62: [i128; 8] = [
    4_611_686_018_427_387_904,
    -768_614_336_404_564_651,
    38_430_716_820_228_233,
    -915_017_067_148_291,
    12_708_570_377_060,
    -115_532_457_973,
    740_592_679,
    -3_526_632,
];

/// `round((-1)^n · 2^62 / (2n)!)`, n = 0..=7: cos's Taylor coefficients in z = r².
pub const COS_Q62: [i128; 8] = [
    4_611_686_018_427_387_904,
    -2_305_843_009_213_693_952,
    192_153_584_101_141_163,
    -6_405_119_470_038_039,
    114_377_133_393_536,
    -1_270_857_037_706,
    9_627_704_831,
    -52_899_477,
];

/// `(k mod 4, r)` with `a / 2^s = k·π/2 + r`, `r ∈ [-π/4, π/4]` at scale 62.
fn reduce(a: u128, scale: Scale) -> (u32, i128) {
    // a < 2^64 and P > 2^124, so n = a · 2^(124 - s) mod P by shift-and-subtract,
    // tracking the low two bits of the quotient.
    let mut r = a;
    let mut k: u32 = 0;
    for _ in 0..124 - scale.bits() {
        r <<= 1;
        k = (k << 1) & 3;
        if r >= HALF_PI_Q124 {
            r -= HALF_PI_Q124;
            k |= 1;
        }
    }
    let (k, r) = if 2 * r > HALF_PI_Q124 { ((k + 1) & 3, r as i128 - HALF_PI_Q124 as i128) } else { (k, r as i128) };
    (k, r >> 62)
}

fn horner(c: &[i128; 8], z: i128) -> i128 {
    let mut p = c[7];
    for n in (0..7).rev() {
        p = c[n] + ((p * z) >> 62);
    }
    p
}

/// `(sin x, cos x)` at scale 62 for a stored `x` at scale `s`.
pub fn sin_cos_q62(x: i64, scale: Scale) -> (i128, i128) {
    let (k, r) = reduce((x as i128).unsigned_abs(), scale);
    let z = (r * r) >> 62;
    let s = (r * horner(&SIN_Q62, z)) >> 62;
    let c = horner(&COS_Q62, z);
    let (sin_a, cos_a) = match k {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    };
    (if x < 0 { -sin_a } else { sin_a }, cos_a)
}

/// A scale-62 value at scale s, rounded half up.
fn to_scale(v: i128, scale: Scale) -> i64 {
    let sh = 62 - scale.bits();
    ((v + (1 << (sh - 1))) >> sh) as i64
}

/// `round(sin(x / 2^s) · 2^s)`.
pub fn sin(x: i64, scale: Scale) -> i64 {
    to_scale(sin_cos_q62(x, scale).0, scale)
}

/// `round(cos(x / 2^s) · 2^s)`.
pub fn cos(x: i64, scale: Scale) -> i64 {
    to_scale(sin_cos_q62(x, scale).1, scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sc(bits: u32) -> Scale {
        Scale::new(bits).unwrap()
    }

    #[test]
    fn constants_match_exact_values() {
        let mut fact: i128 = 1;
        for n in 0..8 {
            // (2n)! then (2n+1)!
            if n > 0 {
                fact *= (2 * n - 1) as i128 * (2 * n) as i128;
            }
            let sign = if n % 2 == 0 { 1 } else { -1 };
            let round = |d: i128| ((1i128 << 63) + d) / (2 * d);
            assert_eq!(COS_Q62[n], sign * round(fact), "C_{n}");
            assert_eq!(SIN_Q62[n], sign * round(fact * (2 * n + 1) as i128), "S_{n}");
        }
        let p = HALF_PI_Q124 as f64 / 2f64.powi(124);
        assert!((p - std::f64::consts::FRAC_PI_2).abs() < 1e-16);
    }

    #[test]
    fn sin_cos_q62_error_below_bound() {
        let s = sc(32);
        let mut worst: f64 = 0.0;
        // up to 2^31 in real units (the range at scale 32), densely near 0
        let mut x: i64 = 1;
        while x < i64::MAX / 3 {
            for q in [x, -x, x + x / 3, -(x + x / 7 * 5)] {
                let (sq, cq) = sin_cos_q62(q, s);
                let xr = q as f64 / s.factor();
                // f64's own argument is exact (q / 2^32 has < 53 significant bits only for
                // small q); allow f64's reduction error, 1 ulp of |x|.
                let slack = xr.abs() * f64::EPSILON;
                worst = worst.max((sq as f64 / 2f64.powi(62) - xr.sin()).abs() - slack);
                worst = worst.max((cq as f64 / 2f64.powi(62) - xr.cos()).abs() - slack);
            }
            x += x / 61 + 1;
        }
        eprintln!("sin/cos worst absolute error at scale 62: {worst:e}");
        assert!(worst < TRIG_ABS_ERROR, "worst {worst:e}");
    }

    #[test]
    fn rounding_and_symmetry() {
        for bits in [1, 8, 16, 32] {
            let s = sc(bits);
            let mut x = -(20i64 << bits);
            while x <= 20i64 << bits {
                let xr = x as f64 / s.factor();
                assert!(
                    (sin(x, s) as f64 - xr.sin() * s.factor()).abs() <= 0.5 + 1e-13 * s.factor(),
                    "sin s={bits} x={xr}"
                );
                assert!(
                    (cos(x, s) as f64 - xr.cos() * s.factor()).abs() <= 0.5 + 1e-13 * s.factor(),
                    "cos s={bits} x={xr}"
                );
                assert_eq!(sin(-x, s), -sin(x, s));
                assert_eq!(cos(-x, s), cos(x, s));
                x += (1i64 << bits) / 13 + 1;
            }
            assert!(sin(i64::MIN, s).abs() <= 1 << bits);
            assert!(cos(i64::MIN, s).abs() <= 1 << bits);
        }
    }
}
