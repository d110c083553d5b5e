//! The f32 domain: ONNX's own float semantics, used only to measure how far the
//! fixed-point results are from what a float runtime would give. Sums are
//! accumulated in f64 (no worse than onnxruntime's f32 order-dependent sums).

use super::Arith;
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
}
