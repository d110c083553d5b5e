//! The f32 domain: ONNX's own float semantics, used only to measure how far the
//! fixed-point results are from what a float runtime would give. Sums are
//! accumulated in f64 (no worse than onnxruntime's f32 order-dependent sums).

use super::{Arith, Func};
use crate::error::ArithError;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FloatArith;

impl Arith for FloatArith {
    type Elem = f32;
    type Acc = f64;

    fn name(&self) -> String {
        "float32".into()
    }

    fn zero(&self) -> f32 {
        0.0
    }

    fn from_f64(&self, x: f64) -> Result<f32, ArithError> {
        Ok(x as f32)
    }

    fn bracket(&self, t: f64) -> (f32, f32) {
        // Thresholds come from f32 attributes: exact in f32.
        (t as f32, t as f32)
    }

    fn from_int(&self, x: i64) -> Result<f32, ArithError> {
        Ok(x as f32)
    }

    fn to_int_trunc(&self, x: f32) -> Result<i64, ArithError> {
        if !x.is_finite() {
            return Err(ArithError::NotFinite { value: x as f64 });
        }
        Ok(x.trunc() as i64)
    }

    fn add(&self, a: f32, b: f32) -> Result<f32, ArithError> {
        Ok(a + b)
    }

    fn sub(&self, a: f32, b: f32) -> Result<f32, ArithError> {
        Ok(a - b)
    }

    fn mul(&self, a: f32, b: f32) -> Result<f32, ArithError> {
        Ok(a * b)
    }

    fn div(&self, a: f32, b: f32) -> Result<f32, ArithError> {
        Ok(a / b)
    }

    fn acc_zero(&self) -> f64 {
        0.0
    }

    fn acc_mac(&self, acc: &mut f64, a: f32, b: f32) {
        *acc += a as f64 * b as f64;
    }

    fn acc_add_bias(&self, acc: &mut f64, b: f32) {
        *acc += b as f64;
    }

    fn acc_finish_dot(&self, acc: f64) -> Result<f32, ArithError> {
        Ok(acc as f32)
    }

    fn acc_add(&self, acc: &mut f64, a: f32) {
        *acc += a as f64;
    }

    fn acc_finish_sum(&self, acc: f64) -> Result<f32, ArithError> {
        Ok(acc as f32)
    }

    fn acc_finish_mean(&self, acc: f64, count: usize) -> Result<f32, ArithError> {
        Ok((acc / count as f64) as f32)
    }

    fn acc_finish_norm(&self, acc: f64) -> Result<f32, ArithError> {
        Ok(acc.sqrt() as f32)
    }

    fn exp(&self, x: f32) -> Result<f32, ArithError> {
        Ok(x.exp())
    }

    fn sigmoid(&self, x: f32) -> Result<f32, ArithError> {
        Ok((1.0 / (1.0 + (-(x as f64)).exp())) as f32)
    }

    fn tanh(&self, x: f32) -> Result<f32, ArithError> {
        Ok(x.tanh())
    }

    fn sqrt(&self, x: f32) -> Result<f32, ArithError> {
        Ok(x.sqrt())
    }

    fn softmax(&self, xs: &[f32], out: &mut Vec<f32>) -> Result<(), ArithError> {
        let m = xs.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let exps: Vec<f64> = xs.iter().map(|&x| ((x - m) as f64).exp()).collect();
        let sum: f64 = exps.iter().sum();
        out.extend(exps.iter().map(|e| (e / sum) as f32));
        Ok(())
    }

    /// Evaluated in f64 and rounded to f32 once, like a good float library.
    fn func(&self, f: Func<f32>, x: f32) -> Result<f32, ArithError> {
        let x = x as f64;
        let softplus = |x: f64| if x > 0.0 { x + (-x).exp().ln_1p() } else { x.exp().ln_1p() };
        let y = match f {
            Func::Abs => x.abs(),
            Func::Neg => -x,
            Func::Sign => {
                if x == 0.0 {
                    0.0
                } else {
                    x.signum()
                }
            }
            Func::Floor => x.floor(),
            Func::Ceil => x.ceil(),
            Func::Round => x.round_ties_even(),
            Func::Reciprocal => 1.0 / x,
            Func::Log => x.ln(),
            Func::Sin => x.sin(),
            Func::Cos => x.cos(),
            Func::Erf => libm::erf(x),
            Func::Probit => normal_quantile(x),
            Func::Gelu => 0.5 * x * (1.0 + libm::erf(x / std::f64::consts::SQRT_2)),
            Func::GeluTanh => {
                let inner = (2.0 / std::f64::consts::PI).sqrt() * (x + 0.044715 * x * x * x);
                0.5 * x * (1.0 + inner.tanh())
            }
            Func::Softplus => softplus(x),
            Func::Softsign => x / (1.0 + x.abs()),
            Func::Mish => x * softplus(x).tanh(),
            Func::HardSwish => x * (x / 6.0 + 0.5).clamp(0.0, 1.0),
            Func::HardSigmoid { alpha, beta } => (alpha as f64 * x + beta as f64).clamp(0.0, 1.0),
            Func::Elu { alpha } => {
                if x >= 0.0 {
                    x
                } else {
                    alpha as f64 * x.exp_m1()
                }
            }
            Func::Celu { alpha } => {
                if x >= 0.0 {
                    x
                } else {
                    alpha as f64 * (x / alpha as f64).exp_m1()
                }
            }
        };
        Ok(y as f32)
    }

    fn pow(&self, x: f32, y: f32) -> Result<f32, ArithError> {
        Ok((x as f64).powf(y as f64) as f32)
    }

    fn pow_int(&self, x: f32, n: i64) -> Result<f32, ArithError> {
        Ok((x as f64).powf(n as f64) as f32)
    }

    fn modulo(&self, a: f32, b: f32, fmod: bool) -> Result<f32, ArithError> {
        let r = a % b;
        Ok(if !fmod && r != 0.0 && ((r < 0.0) != (b < 0.0)) { r + b } else { r })
    }

    fn log_softmax(&self, xs: &[f32], out: &mut Vec<f32>) -> Result<(), ArithError> {
        let m = xs.iter().copied().fold(f32::NEG_INFINITY, f32::max) as f64;
        let sum: f64 = xs.iter().map(|&x| (x as f64 - m).exp()).sum();
        out.extend(xs.iter().map(|&x| (x as f64 - m - sum.ln()) as f32));
        Ok(())
    }

    fn log_sum_exp(&self, xs: &[f32]) -> Result<f32, ArithError> {
        if xs.is_empty() {
            return Err(ArithError::Domain { operation: "ReduceLogSumExp", value: 0.0 });
        }
        let m = xs.iter().copied().fold(f32::NEG_INFINITY, f32::max) as f64;
        let sum: f64 = xs.iter().map(|&x| (x as f64 - m).exp()).sum();
        Ok((m + sum.ln()) as f32)
    }
}

/// Φ⁻¹(p) in f64 (NaN outside (0, 1)): bisection on libm's erf, to the last
/// bit of the bracket — slow, but only the accuracy reference uses it.
fn normal_quantile(p: f64) -> f64 {
    if !(p > 0.0 && p < 1.0) {
        return f64::NAN;
    }
    let (mut lo, mut hi) = (-40.0f64, 40.0f64);
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if 0.5 * (1.0 + libm::erf(mid / std::f64::consts::SQRT_2)) <= p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}
