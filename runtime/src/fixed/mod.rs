//! The fixed-point number format and its exact integer primitives.
//!
//! A real `x` is stored as `q = round_half_away_from_zero(x · 2^s)`, an integer
//! in `[-2^63, 2^63)`; `s` (the number of fraction bits) is one setting per
//! model, between 1 and [`MAX_SCALE`]. Products are formed exactly at scale
//! `2s` and brought back with one rounding per output, [`rescale`]:
//! `floor((p + 2^(s-1)) / 2^s)`, i.e. round half up (towards +∞). Every other
//! division in the kernels rounds the same way ([`div_round`]). The only other
//! rounding rule is the quantization of floats (half away from zero), which is
//! what ONNX exporters and numpy users expect of `round`.
//!
//! Intermediate sums are exact at any length ([`WideAcc`]): the Cairo code keeps
//! them in a felt252 and only the final value is range-checked, so the
//! reference must not fail on a partial sum that the Cairo code would accept.

pub mod activation;
pub mod erf;
mod erf_table;
pub mod exp;
mod exp2_table;
pub mod integer;
pub mod ln;
mod ln_table;
pub mod logistic;
mod logistic_table;
pub mod sqrt;
pub mod trig;

use crate::error::ArithError;

/// Largest supported number of fraction bits. The non-linear algorithms work
/// with 32 fraction bits internally, so a larger model scale would be wasted.
pub const MAX_SCALE: u32 = 32;
/// Scale used when neither `--scale` nor calibration chooses one.
pub const DEFAULT_SCALE: u32 = 16;
/// Stored values are i64: the magnitude bound is 2^63.
pub const VALUE_BITS: u32 = 63;

/// Number of fraction bits `s` of a model's fixed-point numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scale(u32);

/// A number of fraction bits outside 1..=[`MAX_SCALE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("scale must be between 1 and {MAX_SCALE} fraction bits, got {0}")]
pub struct ScaleError(pub u32);

impl Scale {
    pub fn new(bits: u32) -> Result<Scale, ScaleError> {
        if (1..=MAX_SCALE).contains(&bits) {
            Ok(Scale(bits))
        } else {
            Err(ScaleError(bits))
        }
    }

    pub fn bits(self) -> u32 {
        self.0
    }

    /// `2^s` as a float, for converting results back to reals.
    pub fn factor(self) -> f64 {
        (1u64 << self.0) as f64
    }

    /// The smallest positive representable value, `2^-s`.
    pub fn ulp(self) -> f64 {
        1.0 / self.factor()
    }
}

impl Default for Scale {
    fn default() -> Self {
        Scale(DEFAULT_SCALE)
    }
}

/// Inclusive-exclusive bounds `[-2^bits, 2^bits)` of stored values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    bits: u32,
}

impl Bounds {
    /// `bits` ≤ 63; calibration uses fewer bits to keep headroom.
    pub fn new(bits: u32) -> Bounds {
        Bounds { bits: bits.min(VALUE_BITS) }
    }

    pub fn bits(self) -> u32 {
        self.bits
    }

    pub fn contains(self, q: i128) -> bool {
        let lim = 1i128 << self.bits;
        (-lim..lim).contains(&q)
    }
}

/// Quantizes a float: `round_half_away_from_zero(x · 2^s)`. Multiplying by a
/// power of two is exact in f64, so the only rounding is the final one.
pub fn quantize(x: f64, scale: Scale, bounds: Bounds) -> Result<i64, ArithError> {
    if !x.is_finite() {
        return Err(ArithError::NotFinite { value: x });
    }
    let scaled = (x * scale.factor()).round();
    let limit = (1u64 << bounds.bits()) as f64;
    if scaled >= limit || scaled < -limit {
        return Err(ArithError::Overflow {
            operation: "quantization",
            approx: x,
            limit: limit / scale.factor(),
            scale: scale.bits(),
        });
    }
    Ok(scaled as i64)
}

/// The real number a stored value stands for.
pub fn dequantize(q: i64, scale: Scale) -> f64 {
    q as f64 / scale.factor()
}

/// One rounding from scale `2s` to scale `s`: `floor((p + 2^(s-1)) / 2^s)`.
/// `None` only when `p` is within `2^(s-1)` of `i128::MAX`, where the result
/// cannot fit 64 bits anyway.
pub fn rescale(p: i128, scale: Scale) -> Option<i128> {
    let s = scale.bits();
    p.checked_add(1i128 << (s - 1)).map(|v| v >> s)
}

/// `n / d` rounded half up: `floor((2n + d) / (2d))` after making `d` positive.
pub fn div_round(n: i128, d: i128) -> Option<i128> {
    if d == 0 {
        return None;
    }
    let (n, d) = if d < 0 { (n.checked_neg()?, d.checked_neg()?) } else { (n, d) };
    let two_d = d.checked_mul(2)?;
    let num = n.checked_mul(2)?.checked_add(d)?;
    Some(num.div_euclid(two_d))
}

/// Unsigned `n / d` rounded half up, for the non-linear algorithms.
pub fn div_round_u(n: u128, d: u128) -> u128 {
    debug_assert!(d > 0 && n < (1 << 126) && d < (1 << 126));
    (2 * n + d) / (2 * d)
}

/// `v / 2^sh` rounded half up, for non-negative `v`; 0 once the shift exceeds
/// the width.
pub fn shift_right_round(v: u128, sh: u32) -> u128 {
    match sh {
        0 => v,
        // floor((v + 2^(sh-1)) / 2^sh) = floor(v / 2^sh) + bit (sh-1) of v,
        // which cannot overflow.
        1..=127 => (v >> sh) + ((v >> (sh - 1)) & 1),
        128 => v >> 127,
        _ => 0,
    }
}

/// An exact sum of i128 terms of any length: the wrapped i128 sum plus the net
/// number of times it wrapped. The true value is `lo + wraps · 2^128`; it fits
/// an i128 exactly when `wraps == 0`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WideAcc {
    lo: i128,
    wraps: i64,
}

impl WideAcc {
    pub fn add(&mut self, v: i128) {
        let (r, wrapped) = self.lo.overflowing_add(v);
        if wrapped {
            self.wraps += if v > 0 { 1 } else { -1 };
        }
        self.lo = r;
    }

    /// The exact value when it fits an i128.
    pub fn value(self) -> Option<i128> {
        (self.wraps == 0).then_some(self.lo)
    }

    /// Approximate value for error messages, valid whatever the wraps.
    pub fn approx(self) -> f64 {
        self.lo as f64 + self.wraps as f64 * 2f64.powi(128)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s16() -> Scale {
        Scale::new(16).unwrap()
    }

    #[test]
    fn quantize_rounds_half_away_from_zero() {
        let b = Bounds::new(63);
        let half = 0.5 / 65536.0;
        assert_eq!(quantize(half, s16(), b), Ok(1));
        assert_eq!(quantize(-half, s16(), b), Ok(-1));
        assert_eq!(quantize(1.0, s16(), b), Ok(65536));
        assert_eq!(quantize(-2.75, s16(), b), Ok(-180224));
    }

    #[test]
    fn quantize_rejects_non_finite_and_out_of_range() {
        let b = Bounds::new(63);
        assert!(matches!(quantize(f64::NAN, s16(), b), Err(ArithError::NotFinite { .. })));
        assert!(matches!(quantize(f64::INFINITY, s16(), b), Err(ArithError::NotFinite { .. })));
        // 2^47 at scale 16 is 2^63: one past the largest value.
        assert!(matches!(quantize(2f64.powi(47), s16(), b), Err(ArithError::Overflow { .. })));
        assert_eq!(quantize(-(2f64.powi(47)), s16(), b), Ok(i64::MIN));
        assert!(quantize(2f64.powi(40), s16(), Bounds::new(55)).is_err());
    }

    #[test]
    fn rescale_rounds_half_up() {
        // 1.5 ulp -> 2, -1.5 ulp -> -1, 2.5 -> 3, -2.5 -> -2
        let s = Scale::new(4).unwrap();
        assert_eq!(rescale(24, s), Some(2));
        assert_eq!(rescale(-24, s), Some(-1));
        assert_eq!(rescale(40, s), Some(3));
        assert_eq!(rescale(-40, s), Some(-2));
        assert_eq!(rescale(-41, s), Some(-3));
        assert_eq!(rescale(i128::MAX, s), None);
    }

    #[test]
    fn div_round_matches_rational_rounding() {
        for n in -50i128..=50 {
            for d in [-7i128, -4, -3, -1, 1, 2, 3, 5, 8] {
                let expected = ((n as f64) / (d as f64) + 0.5).floor() as i128;
                assert_eq!(div_round(n, d), Some(expected), "{n}/{d}");
            }
        }
        assert_eq!(div_round(1, 0), None);
    }

    #[test]
    fn shift_right_round_half_up() {
        assert_eq!(shift_right_round(3, 1), 2);
        assert_eq!(shift_right_round(5, 2), 1);
        assert_eq!(shift_right_round(6, 2), 2);
        assert_eq!(shift_right_round(u128::MAX, 127), 2);
        assert_eq!(shift_right_round(u128::MAX, 128), 1);
        assert_eq!(shift_right_round(u128::MAX, 129), 0);
    }

    #[test]
    fn wide_acc_is_exact_through_wraps() {
        let mut acc = WideAcc::default();
        for _ in 0..4 {
            acc.add(i128::MAX);
        }
        assert_eq!(acc.value(), None);
        for _ in 0..4 {
            acc.add(-i128::MAX);
        }
        assert_eq!(acc.value(), Some(0));
        let mut acc = WideAcc::default();
        acc.add(i128::MIN);
        acc.add(-1);
        assert_eq!(acc.value(), None);
        acc.add(1);
        assert_eq!(acc.value(), Some(i128::MIN));
    }
}
