//! Activations built on the integer exponential (Gelu's tanh form, Mish, the
//! Elu family) and the rational ones (HardSigmoid, HardSwish, Softsign). Each
//! forms its result exactly at a high scale and rounds once, half up.

use super::exp::exp_neg_q62;
use super::{div_round, div_round_u, Scale};

const ONE_Q62: u128 = 1 << 62;
/// `round(0.044715 · 2^62)`, the cubic coefficient of Gelu's tanh form.
pub const GELU_CUBIC_Q62: u128 = 206_211_540_313_980_650;
/// `round(sqrt(2/π) · 2^62)`.
pub const SQRT_2_OVER_PI_Q62: u128 = 3_679_593_073_373_651_226;
/// |x| ≥ 8 makes Gelu-tanh's exponential vanish at scale 62, so the result is
/// exactly x (or 0): the algorithm stops there, which also bounds x³.
const GELU_TANH_SATURATION: i128 = 8;

/// `x · (2^62 + t) / 2^63` rounded half up, with `t` a tanh at scale 62 of the
/// sign of x: `x · (1 + tanh) / 2`.
fn half_x_one_plus(x: i64, t: u128) -> i64 {
    let phi2 = if x >= 0 { (ONE_Q62 + t) as i128 } else { (ONE_Q62 - t) as i128 };
    ((x as i128 * phi2 + (1 << 62)) >> 63) as i64
}

/// Gelu, `approximate = "tanh"`: `x/2 · (1 + tanh(√(2/π) (x + 0.044715 x³)))`.
/// For `|x| < 8`: `a = |x|` at scale 32, `c = floor(floor(a²/2^32) · a / 2^32)`,
/// `w = a + floor(c · GELU_CUBIC_Q62 / 2^62)`, `v = floor(w · SQRT_2_OVER_PI_Q62 / 2^62)`
/// (all scale 32), `E = exp_neg_q62(-2v)`, `t = div_round((2^62 - E) · 2^62, 2^62 + E)`;
/// the tanh is odd, so x < 0 uses `-t`. `|x| ≥ 8` gives x or 0 exactly.
pub fn gelu_tanh(x: i64, scale: Scale) -> i64 {
    let a = (x as i128).abs();
    if a >= GELU_TANH_SATURATION << scale.bits() {
        return x.max(0);
    }
    let a32 = (a as u128) << (32 - scale.bits());
    let c = (((a32 * a32) >> 32) * a32) >> 32;
    let w = a32 + ((c * GELU_CUBIC_Q62) >> 62);
    let v = (w * SQRT_2_OVER_PI_Q62) >> 62;
    let e = exp_neg_q62(-2 * v as i128, Scale(32));
    let t = div_round_u((ONE_Q62 - e) << 62, ONE_Q62 + e);
    half_x_one_plus(x, t)
}

/// Mish, `x · tanh(ln(1 + e^x))`, with the tanh of the softplus in closed form:
/// for `x ≤ 0`, `E = e^x` at scale 62, `N = floor(E²/2^62) + 2E`, `D = N + 2^63`;
/// for `x > 0`, `F = e^-x`, `N = 2^62 + 2F`, `D = N + 2·floor(F²/2^62)`;
/// `T = div_round(N · 2^62, D)` and the result is `x · T / 2^62` rounded half up.
/// `|result| ≤ |x|`: it never overflows.
pub fn mish(x: i64, scale: Scale) -> i64 {
    let (n, d) = if x <= 0 {
        let e = exp_neg_q62(x as i128, scale);
        let n = ((e * e) >> 62) + 2 * e;
        (n, n + 2 * ONE_Q62)
    } else {
        let f = exp_neg_q62(-(x as i128), scale);
        let n = ONE_Q62 + 2 * f;
        (n, n + 2 * ((f * f) >> 62))
    };
    let t = div_round_u(n << 62, d) as i128;
    ((x as i128 * t + (1 << 61)) >> 62) as i64
}

/// `alpha · (e^x - 1)` for `x ≤ 0` (Elu, Selu, Celu): `(alpha · (E - 2^62) + 2^61) / 2^62`
/// floored, `E = exp_neg_q62(x)`: one rounding; the caller range-checks.
pub fn scaled_expm1(x: i128, alpha: i64, scale: Scale) -> i128 {
    let e = exp_neg_q62(x, scale) as i128;
    (alpha as i128 * (e - (1 << 62)) + (1 << 61)) >> 62
}

/// Celu's exponent `x / alpha` for `x < 0`, `alpha > 0`: Div's rounding, not
/// below -64 (`e^-64 · 2^62 < 2^-30` rounds to 0, so the result is unchanged),
/// which keeps a tiny alpha's quotient inside `exp_parts`' input range.
pub fn celu_exponent(x: i64, alpha: i64, scale: Scale) -> i128 {
    let z = div_round((x as i128) << scale.bits(), alpha as i128).expect("alpha > 0 and |x · 2^s| < 2^96");
    z.max(-(CELU_EXPONENT_FLOOR << scale.bits()))
}

/// The smallest exponent Celu passes to the exponential (see [`celu_exponent`]).
const CELU_EXPONENT_FLOOR: i128 = 64;

/// `clamp(alpha · x + beta, 0, 1)`: the exact sum at scale 2s, one rounding.
pub fn hard_sigmoid(x: i64, alpha: i64, beta: i64, scale: Scale) -> i64 {
    let s = scale.bits();
    let v = (alpha as i128 * x as i128 + ((beta as i128) << s) + (1 << (s - 1))) >> s;
    v.clamp(0, 1 << s) as i64
}

/// `x · clamp(x/6 + 1/2, 0, 1)`: 0 for `x ≤ -3`, x for `x ≥ 3`, else
/// `div_round(x · (x + 3·2^s), 6·2^s)` — the exact rational, one rounding.
pub fn hard_swish(x: i64, scale: Scale) -> i64 {
    let three = 3i128 << scale.bits();
    let x = x as i128;
    if x <= -three {
        0
    } else if x >= three {
        x as i64
    } else {
        div_round(x * (x + three), 2 * three).expect("|x| < 3·2^32") as i64
    }
}

/// `x / (1 + |x|)`: `div_round(x · 2^s, 2^s + |x|)`, one rounding, `|result| < 2^s`.
pub fn softsign(x: i64, scale: Scale) -> i64 {
    let one = 1i128 << scale.bits();
    div_round((x as i128) << scale.bits(), one + (x as i128).abs()).expect("positive divisor") as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sc(bits: u32) -> Scale {
        Scale::new(bits).unwrap()
    }

    #[test]
    fn constants_match_f64() {
        assert!((GELU_CUBIC_Q62 as f64 / 2f64.powi(62) - 0.044715).abs() < 1e-17);
        let want = (2.0 / std::f64::consts::PI).sqrt();
        assert!((SQRT_2_OVER_PI_Q62 as f64 / 2f64.powi(62) - want).abs() < 1e-16);
    }

    /// Each function against f64 over ±30 at several scales.
    #[test]
    fn accuracy_against_f64() {
        for bits in [8, 16, 24, 32] {
            let s = sc(bits);
            let f = s.factor();
            let mut x = -(30i64 << bits);
            while x <= 30i64 << bits {
                let xr = x as f64 / f;
                let inner = (2.0 / std::f64::consts::PI).sqrt() * (xr + 0.044715 * xr.powi(3));
                let want = 0.5 * xr * (1.0 + inner.tanh()) * f;
                let got = gelu_tanh(x, s) as f64;
                assert!((got - want).abs() <= 0.5 + 2e-9 * f, "gelu_tanh s={bits} x={xr}: {got} vs {want}");
                let sp = if xr > 0.0 { xr + (-xr).exp().ln_1p() } else { xr.exp().ln_1p() };
                let want = xr * sp.tanh() * f;
                let got = mish(x, s) as f64;
                assert!((got - want).abs() <= 0.5 + (1.0 + xr.abs()) * 1e-9 * f, "mish s={bits} x={xr}");
                if x <= 0 {
                    let alpha = (1.5 * f) as i64;
                    let want = 1.5 * xr.exp_m1() * f;
                    let got = scaled_expm1(x as i128, alpha, s) as f64;
                    assert!((got - want).abs() <= 0.5 + 1e-9 * f, "elu s={bits} x={xr}");
                }
                let want = xr * (xr / 6.0 + 0.5).clamp(0.0, 1.0) * f;
                assert!((hard_swish(x, s) as f64 - want).abs() <= 0.5, "hard_swish s={bits} x={xr}");
                let want = xr / (1.0 + xr.abs()) * f;
                assert!((softsign(x, s) as f64 - want).abs() <= 0.5, "softsign s={bits} x={xr}");
                let want = (0.25 * xr + 0.5).clamp(0.0, 1.0) * f;
                let got = hard_sigmoid(x, (0.25 * f) as i64, (0.5 * f) as i64, s) as f64;
                assert!((got - want).abs() <= 0.5, "hard_sigmoid s={bits} x={xr}");
                x += (1i64 << bits) / 17 + 1;
            }
        }
    }

    #[test]
    fn celu_exponent_of_a_tiny_alpha_stays_in_range() {
        let s = sc(16);
        // i64::MIN / 1 ulp would be -2^79 at scale 16, past exp_parts' input range
        let z = celu_exponent(i64::MIN, 1, s);
        assert_eq!(z, -(64 << 16));
        assert_eq!(scaled_expm1(z, 1 << 16, s), -(1 << 16));
        // just above the floor nothing changes
        assert_eq!(celu_exponent(-(3 << 16), 3 << 16, s), -(1 << 16));
    }

    #[test]
    fn extremes_do_not_overflow() {
        let s = sc(16);
        assert_eq!(gelu_tanh(i64::MAX, s), i64::MAX);
        assert_eq!(gelu_tanh(i64::MIN, s), 0);
        assert_eq!(mish(i64::MAX, s), i64::MAX);
        assert_eq!(mish(i64::MIN, s), 0);
        assert_eq!(softsign(i64::MIN, s), -65536);
        assert_eq!(hard_swish(i64::MAX, s), i64::MAX);
        assert_eq!(scaled_expm1(i64::MIN as i128, 65536, s), -65536);
        // exact rational rounding: x = 1 ulp gives 1 · (1 + 3·2^16) / (6·2^16) = 0.5000025 -> 1
        assert_eq!(hard_swish(1, s), 1);
        assert_eq!(hard_swish(-1, s), 0); // -0.4999975 -> 0
    }
}
