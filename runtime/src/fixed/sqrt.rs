//! Fixed-point square root, used by BatchNormalization's `1/sqrt(var + eps)`.

use super::Scale;
use crate::error::ArithError;

/// `round(sqrt(q / 2^s) · 2^s) = round(sqrt(q · 2^s))`, rounding half up.
/// `isqrt` gives `r = floor(sqrt(n))`; the true root is ≥ r + 1/2 exactly when
/// `n ≥ r² + r + 1/4`, i.e. (integers) when `n - r² > r`.
pub fn sqrt(q: i64, scale: Scale) -> Result<i64, ArithError> {
    if q < 0 {
        return Err(ArithError::Domain { operation: "square root", value: q as f64 / scale.factor() });
    }
    let n = (q as u128) << scale.bits();
    Ok(root_half_up(n) as i64) // ≤ 2^((63 + 32) / 2 + 1)
}

/// `round(sqrt(n))`, half up (< 2^64 for every u128).
pub fn root_half_up(n: u128) -> u128 {
    let r = n.isqrt();
    if n - r * r > r {
        r + 1
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqrt_rounds_to_nearest() {
        let s = Scale::new(16).unwrap();
        assert_eq!(sqrt(4 << 16, s), Ok(2 << 16));
        assert_eq!(sqrt(0, s), Ok(0));
        assert!(sqrt(-1, s).is_err());
        for q in (1..2_000_000i64).step_by(997) {
            let got = sqrt(q, s).unwrap() as f64;
            let want = ((q as f64) * 65536.0).sqrt();
            assert!((got - want).abs() <= 0.5 + 1e-9, "{q}");
        }
        assert!(sqrt(i64::MAX, Scale::new(32).unwrap()).is_ok());
    }
}
