//! Exact integer arithmetic for int tensors (shapes, indices, and the int
//! variants of Add/Mul/...). A result outside the tensor's dtype is an error:
//! ONNX leaves integer overflow to the implementation, and a prover must not
//! silently wrap.

use super::{Arith, Func};
use crate::dtype::DType;
use crate::error::ArithError;
use crate::fixed::WideAcc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntArith {
    dtype: DType,
}

impl IntArith {
    pub fn new(dtype: DType) -> Self {
        IntArith { dtype }
    }

    fn fit(&self, operation: &'static str, v: i128) -> Result<i64, ArithError> {
        let (lo, hi) = self.dtype.int_range();
        if (lo..=hi).contains(&v) {
            Ok(v as i64)
        } else {
            Err(ArithError::IntOverflow { operation, value: v, dtype: self.dtype })
        }
    }

    fn unsupported(&self, operation: &'static str) -> ArithError {
        ArithError::UnsupportedType { operation, dtype: self.dtype.name() }
    }
}

impl Arith for IntArith {
    type Elem = i64;
    type Acc = WideAcc;

    fn name(&self) -> String {
        self.dtype.name().into()
    }

    fn zero(&self) -> i64 {
        0
    }

    fn from_f64(&self, x: f64) -> Result<i64, ArithError> {
        if !x.is_finite() {
            return Err(ArithError::NotFinite { value: x });
        }
        self.fit("conversion", x.trunc() as i128)
    }

    fn bracket(&self, t: f64) -> (i64, i64) {
        let (lo, hi) = self.dtype.int_range();
        let clamp = |v: f64| v.clamp(lo as f64, hi as f64) as i64;
        (clamp(t.floor()), clamp(t.ceil()))
    }

    fn from_int(&self, x: i64) -> Result<i64, ArithError> {
        self.fit("conversion", x as i128)
    }

    fn to_int_trunc(&self, x: i64) -> Result<i64, ArithError> {
        Ok(x)
    }

    fn add(&self, a: i64, b: i64) -> Result<i64, ArithError> {
        self.fit("Add", a as i128 + b as i128)
    }

    fn sub(&self, a: i64, b: i64) -> Result<i64, ArithError> {
        self.fit("Sub", a as i128 - b as i128)
    }

    fn mul(&self, a: i64, b: i64) -> Result<i64, ArithError> {
        self.fit("Mul", a as i128 * b as i128)
    }

    /// Truncating division, as in C and in the ONNX reference for ints.
    fn div(&self, a: i64, b: i64) -> Result<i64, ArithError> {
        if b == 0 {
            return Err(ArithError::DivisionByZero { operation: "Div" });
        }
        self.fit("Div", a as i128 / b as i128)
    }

    fn acc_zero(&self) -> WideAcc {
        WideAcc::default()
    }

    fn acc_mac(&self, acc: &mut WideAcc, a: i64, b: i64) {
        acc.add(a as i128 * b as i128);
    }

    fn acc_add_bias(&self, acc: &mut WideAcc, b: i64) {
        acc.add(b as i128);
    }

    fn acc_finish_dot(&self, acc: WideAcc) -> Result<i64, ArithError> {
        self.acc_finish_sum(acc)
    }

    fn acc_add(&self, acc: &mut WideAcc, a: i64) {
        acc.add(a as i128);
    }

    fn acc_finish_sum(&self, acc: WideAcc) -> Result<i64, ArithError> {
        match acc.value() {
            Some(v) => self.fit("sum", v),
            None => Err(ArithError::IntOverflow { operation: "sum", value: i128::MAX, dtype: self.dtype }),
        }
    }

    fn acc_finish_mean(&self, acc: WideAcc, count: usize) -> Result<i64, ArithError> {
        if count == 0 {
            return Err(ArithError::DivisionByZero { operation: "mean of no elements" });
        }
        match acc.value() {
            Some(v) => self.fit("mean", v / count as i128),
            None => Err(ArithError::IntOverflow { operation: "mean", value: i128::MAX, dtype: self.dtype }),
        }
    }

    /// `floor(sqrt(Σ x²))`: ONNX computes the root in floating point and casts
    /// it back to the integer type, which truncates.
    fn acc_finish_norm(&self, acc: WideAcc) -> Result<i64, ArithError> {
        match acc.value() {
            // a sum of squares is never negative
            Some(v) => self.fit("ReduceL2", (v as u128).isqrt() as i128),
            None => Err(ArithError::IntOverflow { operation: "ReduceL2", value: i128::MAX, dtype: self.dtype }),
        }
    }

    fn exp(&self, _: i64) -> Result<i64, ArithError> {
        Err(self.unsupported("Exp"))
    }

    fn sigmoid(&self, _: i64) -> Result<i64, ArithError> {
        Err(self.unsupported("Sigmoid"))
    }

    fn tanh(&self, _: i64) -> Result<i64, ArithError> {
        Err(self.unsupported("Tanh"))
    }

    fn sqrt(&self, _: i64) -> Result<i64, ArithError> {
        Err(self.unsupported("Sqrt"))
    }

    fn softmax(&self, _: &[i64], _: &mut Vec<i64>) -> Result<(), ArithError> {
        Err(self.unsupported("Softmax"))
    }

    /// Abs, Neg and Sign are exact on integers (an unsigned Neg of a non-zero
    /// value, or Abs/Neg of the type's minimum, leaves the type: an error);
    /// the other functions are real-only.
    fn func(&self, f: Func<i64>, x: i64) -> Result<i64, ArithError> {
        let x = x as i128;
        match f {
            Func::Abs => self.fit("Abs", x.abs()),
            Func::Neg => self.fit("Neg", -x),
            Func::Sign => self.fit("Sign", x.signum()),
            other => Err(self.unsupported(other.name())),
        }
    }

    /// An integer `y` only (the exponent of an integer base must be integral).
    fn pow(&self, x: i64, y: i64) -> Result<i64, ArithError> {
        self.pow_int(x, y)
    }

    /// Exact `x^n` within the type (by squaring, each product checked);
    /// a negative exponent is an error unless `|x| = 1` (numpy refuses it).
    fn pow_int(&self, x: i64, n: i64) -> Result<i64, ArithError> {
        match n {
            0 => self.fit("Pow", 1),
            n if n > 0 => crate::fixed::integer::pow_by_squaring(x, n as u64, |a, b| self.mul(a, b))
                .map_err(|_| ArithError::IntOverflow { operation: "Pow", value: i128::MAX, dtype: self.dtype }),
            _ if x == 1 => Ok(1),
            _ if x == -1 => Ok(if n % 2 == 0 { 1 } else { -1 }),
            _ => Err(ArithError::Domain { operation: "Pow (an integer to a negative power)", value: n as f64 }),
        }
    }

    fn modulo(&self, a: i64, b: i64, fmod: bool) -> Result<i64, ArithError> {
        if b == 0 {
            return Err(ArithError::DivisionByZero { operation: "Mod" });
        }
        Ok(crate::fixed::integer::modulo(a, b, fmod) as i64)
    }

    fn log_softmax(&self, _: &[i64], _: &mut Vec<i64>) -> Result<(), ArithError> {
        Err(self.unsupported("LogSoftmax"))
    }

    fn log_sum_exp(&self, _: &[i64]) -> Result<i64, ArithError> {
        Err(self.unsupported("ReduceLogSumExp"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_of_nothing_is_an_error_not_a_crash() {
        let ia = IntArith::new(DType::I32);
        assert!(matches!(ia.acc_finish_mean(ia.acc_zero(), 0), Err(ArithError::DivisionByZero { .. })));
        let mut acc = ia.acc_zero();
        ia.acc_add(&mut acc, -7);
        assert_eq!(ia.acc_finish_mean(acc, 2), Ok(-3), "integer mean truncates");
    }
}
