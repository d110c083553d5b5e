//! The fixed-point domain: the semantics Cairo and the prover must match.

use super::{Arith, Func};
use crate::error::ArithError;
use crate::fixed::{self, activation, erf, exp, integer, ln, logistic, sqrt, trig, Bounds, Scale, WideAcc, VALUE_BITS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedArith {
    scale: Scale,
    bounds: Bounds,
}

impl FixedArith {
    /// Values must fit 64 bits (`[-2^63, 2^63)`).
    pub fn new(scale: Scale) -> Self {
        FixedArith { scale, bounds: Bounds::new(VALUE_BITS) }
    }

    /// A stricter range `[-2^bits, 2^bits)`, used by calibration to keep headroom.
    pub fn with_value_bits(scale: Scale, bits: u32) -> Self {
        FixedArith { scale, bounds: Bounds::new(bits) }
    }

    pub fn scale(&self) -> Scale {
        self.scale
    }

    pub fn value_bits(&self) -> u32 {
        self.bounds.bits()
    }

    fn overflow(&self, operation: &'static str, approx_q: f64) -> ArithError {
        ArithError::Overflow {
            operation,
            approx: approx_q / self.scale.factor(),
            limit: 2f64.powi(self.bounds.bits() as i32) / self.scale.factor(),
            scale: self.scale.bits(),
        }
    }

    /// Range check of a result.
    fn fit(&self, operation: &'static str, q: i128) -> Result<i64, ArithError> {
        if self.bounds.contains(q) {
            Ok(q as i64)
        } else {
            Err(self.overflow(operation, q as f64))
        }
    }

    /// Range check of the rescaled value of an exact product sum.
    fn fit_rescaled(&self, operation: &'static str, p: Option<i128>, approx: f64) -> Result<i64, ArithError> {
        match p.and_then(|p| fixed::rescale(p, self.scale)) {
            Some(q) => self.fit(operation, q),
            None => Err(self.overflow(operation, approx / self.scale.factor())),
        }
    }
}

impl Arith for FixedArith {
    type Elem = i64;
    type Acc = WideAcc;

    fn name(&self) -> String {
        format!("fixed point (scale 2^-{})", self.scale.bits())
    }

    fn zero(&self) -> i64 {
        0
    }

    fn from_f64(&self, x: f64) -> Result<i64, ArithError> {
        fixed::quantize(x, self.scale, self.bounds)
    }

    fn bracket(&self, t: f64) -> (i64, i64) {
        // t · 2^s is exact in f64 (a power-of-two factor), so floor and ceil
        // are the true ones; saturation keeps comparisons right for any x
        // inside the range (only the extreme stored value could differ).
        let scaled = t * self.scale.factor();
        let lim = (1u64 << self.bounds.bits()) as f64;
        let clamp = |v: f64| v.clamp(-lim, lim - 1.0) as i64;
        (clamp(scaled.floor()), clamp(scaled.ceil()))
    }

    fn from_int(&self, x: i64) -> Result<i64, ArithError> {
        self.fit("Cast", (x as i128) << self.scale.bits())
    }

    fn to_int_trunc(&self, x: i64) -> Result<i64, ArithError> {
        // i64 division truncates towards zero, as ONNX Cast does.
        Ok(x / (1i64 << self.scale.bits()))
    }

    fn add(&self, a: i64, b: i64) -> Result<i64, ArithError> {
        self.fit("Add", a as i128 + b as i128)
    }

    fn sub(&self, a: i64, b: i64) -> Result<i64, ArithError> {
        self.fit("Sub", a as i128 - b as i128)
    }

    fn mul(&self, a: i64, b: i64) -> Result<i64, ArithError> {
        let p = a as i128 * b as i128;
        self.fit_rescaled("Mul", Some(p), p as f64)
    }

    /// `round_half_up(a · 2^s / b)`.
    fn div(&self, a: i64, b: i64) -> Result<i64, ArithError> {
        if b == 0 {
            return Err(ArithError::DivisionByZero { operation: "Div" });
        }
        let n = (a as i128) << self.scale.bits();
        let q = fixed::div_round(n, b as i128).expect("|a·2^s| < 2^96 cannot overflow");
        self.fit("Div", q)
    }

    fn acc_zero(&self) -> WideAcc {
        WideAcc::default()
    }

    fn acc_mac(&self, acc: &mut WideAcc, a: i64, b: i64) {
        acc.add(a as i128 * b as i128);
    }

    fn acc_add_bias(&self, acc: &mut WideAcc, b: i64) {
        acc.add((b as i128) << self.scale.bits());
    }

    fn acc_finish_dot(&self, acc: WideAcc) -> Result<i64, ArithError> {
        self.fit_rescaled("dot product", acc.value(), acc.approx())
    }

    fn acc_add(&self, acc: &mut WideAcc, a: i64) {
        acc.add(a as i128);
    }

    fn acc_finish_sum(&self, acc: WideAcc) -> Result<i64, ArithError> {
        match acc.value() {
            Some(v) => self.fit("sum", v),
            None => Err(self.overflow("sum", acc.approx())),
        }
    }

    fn acc_finish_mean(&self, acc: WideAcc, count: usize) -> Result<i64, ArithError> {
        if count == 0 {
            return Err(ArithError::DivisionByZero { operation: "mean of no elements" });
        }
        match acc.value().and_then(|v| fixed::div_round(v, count as i128)) {
            Some(v) => self.fit("mean", v),
            None => Err(self.overflow("mean", acc.approx() / count as f64)),
        }
    }

    fn acc_finish_norm(&self, acc: WideAcc) -> Result<i64, ArithError> {
        match acc.value() {
            // a sum of squares is never negative; past i128 its root is past 2^63
            Some(v) => self.fit("ReduceL2", sqrt::root_half_up(v as u128) as i128),
            None => Err(self.overflow("ReduceL2", acc.approx().sqrt())),
        }
    }

    fn exp(&self, x: i64) -> Result<i64, ArithError> {
        exp::exp(x, self.scale, self.bounds)
    }

    fn sigmoid(&self, x: i64) -> Result<i64, ArithError> {
        self.fit("Sigmoid", logistic::sigmoid(x, self.scale) as i128)
    }

    fn tanh(&self, x: i64) -> Result<i64, ArithError> {
        self.fit("Tanh", logistic::tanh(x, self.scale) as i128)
    }

    fn sqrt(&self, x: i64) -> Result<i64, ArithError> {
        let r = sqrt::sqrt(x, self.scale)?;
        self.fit("Sqrt", r as i128)
    }

    fn softmax(&self, xs: &[i64], out: &mut Vec<i64>) -> Result<(), ArithError> {
        let start = out.len();
        exp::softmax(xs, self.scale, out);
        for &v in &out[start..] {
            self.fit("Softmax", v as i128)?;
        }
        Ok(())
    }

    fn func(&self, f: Func<i64>, x: i64) -> Result<i64, ArithError> {
        let sc = self.scale;
        let op = f.name();
        let v: i128 = match f {
            Func::Abs => (x as i128).abs(),
            Func::Neg => -(x as i128),
            Func::Sign => (x.signum() as i128) << sc.bits(),
            Func::Floor => integer::floor(x, sc),
            Func::Ceil => integer::ceil(x, sc),
            Func::Round => integer::round_half_even(x, sc),
            Func::Reciprocal => {
                if x == 0 {
                    return Err(ArithError::DivisionByZero { operation: op });
                }
                fixed::div_round(1i128 << (2 * sc.bits()), x as i128).expect("|2^2s| < 2^65")
            }
            Func::Log => ln::ln(x, sc)?,
            Func::Sin => trig::sin(x, sc) as i128,
            Func::Cos => trig::cos(x, sc) as i128,
            Func::Erf => erf::erf(x, sc) as i128,
            Func::Probit => {
                erf::probit(x, sc).ok_or(ArithError::Domain { operation: op, value: x as f64 / sc.factor() })? as i128
            }
            Func::Gelu => erf::gelu(x, sc) as i128,
            Func::GeluTanh => activation::gelu_tanh(x, sc) as i128,
            Func::Softplus => ln::softplus(x, sc),
            Func::Softsign => activation::softsign(x, sc) as i128,
            Func::Mish => activation::mish(x, sc) as i128,
            Func::HardSwish => activation::hard_swish(x, sc) as i128,
            Func::HardSigmoid { alpha, beta } => activation::hard_sigmoid(x, alpha, beta, sc) as i128,
            Func::Elu { alpha } => {
                if x >= 0 {
                    x as i128
                } else {
                    activation::scaled_expm1(x as i128, alpha, sc)
                }
            }
            Func::Celu { alpha } => {
                if alpha <= 0 {
                    return Err(ArithError::Domain { operation: op, value: alpha as f64 / sc.factor() });
                }
                if x >= 0 {
                    x as i128
                } else {
                    activation::scaled_expm1(activation::celu_exponent(x, alpha, sc), alpha, sc)
                }
            }
        };
        self.fit(op, v)
    }

    /// Integral exponents (`y` a multiple of 2^s) take [`Arith::pow_int`], `y = 1/2`
    /// the square root, any other `y` `e^(y ln x)` (`ln::pow_real`) for `x > 0`.
    /// `0^y` is 0 for `y > 0` and a division by zero for `y < 0`; a negative base
    /// with a non-integral exponent is a domain error (NaN in ONNX).
    fn pow(&self, x: i64, y: i64) -> Result<i64, ArithError> {
        let s = self.scale.bits();
        if y & ((1i64 << s) - 1) == 0 {
            return self.pow_int(x, y >> s);
        }
        if y == 1i64 << (s - 1) {
            return self.sqrt(x).map_err(|_| ArithError::Domain { operation: "Pow", value: self.real(x) });
        }
        match x {
            0 if y > 0 => Ok(0),
            0 => Err(ArithError::DivisionByZero { operation: "Pow" }),
            x if x < 0 => Err(ArithError::Domain { operation: "Pow", value: self.real(x) }),
            x => ln::pow_real(x, y, self.scale, self.bounds),
        }
    }

    /// `x^0 = 1`; `n ≥ 1` by squaring (one rounding per multiplication,
    /// `integer::pow_by_squaring`); `n < 0` is `1 / x^|n|` with Div's rounding.
    fn pow_int(&self, x: i64, n: i64) -> Result<i64, ArithError> {
        let one = 1i64 << self.scale.bits();
        if n == 0 {
            return Ok(one);
        }
        let p = integer::pow_by_squaring(x, n.unsigned_abs(), |a, b| self.mul(a, b))
            .map_err(|e| rename_overflow(e, "Pow"))?;
        if n > 0 {
            Ok(p)
        } else if p == 0 {
            Err(ArithError::DivisionByZero { operation: "Pow" })
        } else {
            self.div(one, p).map_err(|e| rename_overflow(e, "Pow"))
        }
    }

    fn modulo(&self, a: i64, b: i64, fmod: bool) -> Result<i64, ArithError> {
        if b == 0 {
            return Err(ArithError::DivisionByZero { operation: "Mod" });
        }
        Ok(integer::modulo(a, b, fmod) as i64)
    }

    fn log_softmax(&self, xs: &[i64], out: &mut Vec<i64>) -> Result<(), ArithError> {
        let mut wide = Vec::with_capacity(xs.len());
        ln::log_softmax(xs, self.scale, &mut wide);
        for v in wide {
            out.push(self.fit("LogSoftmax", v)?);
        }
        Ok(())
    }

    fn log_sum_exp(&self, xs: &[i64]) -> Result<i64, ArithError> {
        match ln::log_sum_exp(xs, self.scale) {
            Some(v) => self.fit("ReduceLogSumExp", v),
            None => Err(ArithError::Domain { operation: "ReduceLogSumExp", value: 0.0 }),
        }
    }
}

/// An overflow of a step reported as the operator's.
fn rename_overflow(e: ArithError, operation: &'static str) -> ArithError {
    match e {
        ArithError::Overflow { approx, limit, scale, .. } => ArithError::Overflow { operation, approx, limit, scale },
        other => other,
    }
}

impl FixedArith {
    fn real(&self, q: i64) -> f64 {
        fixed::dequantize(q, self.scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fx() -> FixedArith {
        FixedArith::new(Scale::new(16).unwrap())
    }

    #[test]
    fn mul_rounds_once_half_up() {
        let f = fx();
        // 1.5 * 2^-16 = 1.5 ulp -> 2 ulp
        assert_eq!(f.mul(3 << 15, 1), Ok(2));
        assert_eq!(f.mul(-(3 << 15), 1), Ok(-1));
        assert_eq!(f.mul(f.from_f64(2.5).unwrap(), f.from_f64(-4.0).unwrap()), Ok(f.from_f64(-10.0).unwrap()));
    }

    #[test]
    fn div_rounds_half_up_and_rejects_zero() {
        let f = fx();
        assert_eq!(f.div(65536, 3 * 65536), Ok(21845)); // 21845.33
        assert_eq!(f.div(2 * 65536, 3 * 65536), Ok(43691)); // 43690.67
        assert_eq!(f.div(-65536, 3 * 65536), Ok(-21845));
        assert_eq!(f.div(1, 131072), Ok(1)); // 0.5 ulp rounds up
        assert_eq!(f.div(-1, 131072), Ok(0)); // -0.5 ulp rounds up to 0
        assert!(matches!(f.div(1, 0), Err(ArithError::DivisionByZero { .. })));
    }

    #[test]
    fn dot_is_exact_until_the_final_rounding() {
        let f = fx();
        let mut acc = f.acc_zero();
        // the partial sums overflow i128 (each product is ~2^125), the total does not
        let big = 1i64 << 62;
        f.acc_mac(&mut acc, big, big);
        f.acc_mac(&mut acc, big, big);
        f.acc_mac(&mut acc, big, big);
        f.acc_mac(&mut acc, -big, big);
        f.acc_mac(&mut acc, -big, big);
        f.acc_mac(&mut acc, -big, big);
        f.acc_mac(&mut acc, 3, 65536);
        assert_eq!(f.acc_finish_dot(acc), Ok(3));
    }

    #[test]
    fn overflow_is_an_error_not_a_wrap() {
        let f = fx();
        assert!(matches!(f.add(i64::MAX, 1), Err(ArithError::Overflow { operation: "Add", .. })));
        assert!(f.mul(i64::MAX, i64::MAX).is_err());
        let mut acc = f.acc_zero();
        for _ in 0..3 {
            f.acc_mac(&mut acc, i64::MAX, i64::MAX);
        }
        assert!(f.acc_finish_dot(acc).is_err());
        let tight = FixedArith::with_value_bits(Scale::new(16).unwrap(), 20);
        assert!(tight.add(1 << 19, 1 << 19).is_err());
        assert!(tight.add(1 << 18, 1 << 18).is_ok());
    }

    #[test]
    fn mean_rounds_half_up() {
        let f = fx();
        let mut acc = f.acc_zero();
        for v in [1, 2] {
            f.acc_add(&mut acc, v);
        }
        assert_eq!(f.acc_finish_mean(acc, 2), Ok(2)); // 1.5 -> 2
        let mut acc = f.acc_zero();
        for v in [-1, -2] {
            f.acc_add(&mut acc, v);
        }
        assert_eq!(f.acc_finish_mean(acc, 2), Ok(-1)); // -1.5 -> -1
    }

    #[test]
    fn casts() {
        let f = fx();
        assert_eq!(f.to_int_trunc(f.from_f64(-2.75).unwrap()), Ok(-2));
        assert_eq!(f.to_int_trunc(f.from_f64(2.75).unwrap()), Ok(2));
        assert_eq!(f.from_int(-3), Ok(-3 * 65536));
        assert!(f.from_int(1 << 50).is_err());
    }
}
