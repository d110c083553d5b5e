//! The number domains kernels are generic over.
//!
//! A kernel is written once against [`Arith`]; the same code then gives the
//! exact fixed-point semantics ([`FixedArith`]), the f32 accuracy reference
//! ([`FloatArith`]), exact integer arithmetic for int tensors ([`IntArith`]) and
//! shape inference ([`ShapeArith`]).
//!
//! Sums of products go through an accumulator so that the fixed-point domain
//! rounds once per output: `acc_mac` adds an exact product (scale 2s),
//! `acc_finish_dot` rescales; `acc_add` / `acc_finish_sum` / `acc_finish_mean`
//! are the plain-sum counterparts (scale s). An accumulator must be used for
//! one kind of sum only.

mod fixed;
mod float;
mod int;
mod shape;

pub use fixed::FixedArith;
pub use float::FloatArith;
pub use int::IntArith;
pub use shape::ShapeArith;

use std::fmt::Debug;

use crate::error::ArithError;

// `from_f64`/`from_int` take `self` because the conversion depends on the
// domain (the fixed-point scale), unlike a plain constructor.
#[allow(clippy::wrong_self_convention)]
pub trait Arith: Sync {
    type Elem: Copy + PartialOrd + Debug + Send + Sync + 'static;
    type Acc: Copy;

    /// True for the shape-only domain, where integer tensors that come from
    /// graph inputs hold placeholder zeros: arithmetic on them must not fail
    /// (a division by a placeholder zero says nothing about the model).
    const SHAPE_ONLY: bool = false;

    /// Name used in messages ("fixed point", "float32", "int8", ...).
    fn name(&self) -> String;

    fn zero(&self) -> Self::Elem;
    /// A real constant (a weight, an attribute such as LeakyRelu's alpha).
    fn from_f64(&self, x: f64) -> Result<Self::Elem, ArithError>;
    /// An integer converted to this domain (Cast int → float).
    fn from_int(&self, x: i64) -> Result<Self::Elem, ArithError>;
    /// A comparison threshold `t` (finite) as the pair (⌊t⌋, ⌈t⌉) of this
    /// domain, saturating at its range ends: for every representable `x`,
    /// `x ≤ t ⇔ x ≤ ⌊t⌋` and `x < t ⇔ x < ⌈t⌉`, and `x = t` is possible only
    /// when both are equal. Tree splits and Binarizer compare through it, so
    /// a branch differs from the float comparison only when the input itself
    /// was rounded across the threshold.
    fn bracket(&self, t: f64) -> (Self::Elem, Self::Elem);
    /// Truncation towards zero (Cast float → int).
    fn to_int_trunc(&self, x: Self::Elem) -> Result<i64, ArithError>;

    fn add(&self, a: Self::Elem, b: Self::Elem) -> Result<Self::Elem, ArithError>;
    fn sub(&self, a: Self::Elem, b: Self::Elem) -> Result<Self::Elem, ArithError>;
    fn mul(&self, a: Self::Elem, b: Self::Elem) -> Result<Self::Elem, ArithError>;
    fn div(&self, a: Self::Elem, b: Self::Elem) -> Result<Self::Elem, ArithError>;

    fn acc_zero(&self) -> Self::Acc;
    /// `acc += a · b`, exactly.
    fn acc_mac(&self, acc: &mut Self::Acc, a: Self::Elem, b: Self::Elem);
    /// `acc += b`, with `b` a value of this domain added to a sum of products
    /// (scale 2s in fixed point: the bias of Gemm and Conv).
    fn acc_add_bias(&self, acc: &mut Self::Acc, b: Self::Elem);
    /// The dot product with one final rounding.
    fn acc_finish_dot(&self, acc: Self::Acc) -> Result<Self::Elem, ArithError>;
    /// `acc += a`, exactly.
    fn acc_add(&self, acc: &mut Self::Acc, a: Self::Elem);
    fn acc_finish_sum(&self, acc: Self::Acc) -> Result<Self::Elem, ArithError>;
    /// `sum / count` with one rounding (`count > 0`).
    fn acc_finish_mean(&self, acc: Self::Acc, count: usize) -> Result<Self::Elem, ArithError>;
    /// The square root of an exact sum of squares (`acc_mac(x, x)` terms) with
    /// one rounding: half up in fixed point, down for integers (ReduceL2).
    fn acc_finish_norm(&self, acc: Self::Acc) -> Result<Self::Elem, ArithError>;

    fn exp(&self, x: Self::Elem) -> Result<Self::Elem, ArithError>;
    fn sigmoid(&self, x: Self::Elem) -> Result<Self::Elem, ArithError>;
    fn tanh(&self, x: Self::Elem) -> Result<Self::Elem, ArithError>;
    fn sqrt(&self, x: Self::Elem) -> Result<Self::Elem, ArithError>;
    /// Softmax of one slice, appended to `out`.
    fn softmax(&self, xs: &[Self::Elem], out: &mut Vec<Self::Elem>) -> Result<(), ArithError>;

    /// One of the element-wise functions of [`Func`].
    fn func(&self, f: Func<Self::Elem>, x: Self::Elem) -> Result<Self::Elem, ArithError>;
    /// `x^y` (Pow), both of this domain.
    fn pow(&self, x: Self::Elem, y: Self::Elem) -> Result<Self::Elem, ArithError>;
    /// `x^n` for an integer exponent (Pow with an integer-typed exponent).
    fn pow_int(&self, x: Self::Elem, n: i64) -> Result<Self::Elem, ArithError>;
    /// The remainder of `a / b`: the sign of `a` with `fmod`, else of `b` (Mod).
    fn modulo(&self, a: Self::Elem, b: Self::Elem, fmod: bool) -> Result<Self::Elem, ArithError>;
    /// Log-softmax of one slice, appended to `out`.
    fn log_softmax(&self, xs: &[Self::Elem], out: &mut Vec<Self::Elem>) -> Result<(), ArithError>;
    /// `ln(Σ e^x)` of one slice (ReduceLogSumExp); an empty slice is the
    /// logarithm of 0, a domain error.
    fn log_sum_exp(&self, xs: &[Self::Elem]) -> Result<Self::Elem, ArithError>;
}

/// Element-wise functions beyond the field operations. One trait method
/// dispatching on this enum, rather than a method each, keeps every domain's
/// implementation in one place as operators are added. Parameters are values
/// of the domain (quantized attributes in fixed point).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Func<E> {
    Abs,
    Neg,
    /// -1, 0 or 1.
    Sign,
    Floor,
    Ceil,
    /// To the nearest integer, ties to even.
    Round,
    Reciprocal,
    /// Natural logarithm.
    Log,
    Sin,
    Cos,
    Erf,
    /// The standard normal quantile Φ⁻¹(x) for 0 < x < 1 (PROBIT).
    Probit,
    /// `x · Φ(x)`, Φ the standard normal CDF.
    Gelu,
    /// Gelu's tanh approximation.
    GeluTanh,
    /// `ln(1 + e^x)`.
    Softplus,
    /// `x / (1 + |x|)`.
    Softsign,
    /// `x · tanh(softplus(x))`.
    Mish,
    /// `x · clamp(x/6 + 1/2, 0, 1)`.
    HardSwish,
    /// `clamp(alpha · x + beta, 0, 1)`.
    HardSigmoid {
        alpha: E,
        beta: E,
    },
    /// `x` for `x ≥ 0`, else `alpha · (e^x - 1)` (Elu; Selu's negative side with alpha·gamma).
    Elu {
        alpha: E,
    },
    /// `x` for `x ≥ 0`, else `alpha · (e^(x/alpha) - 1)`, `alpha > 0`.
    Celu {
        alpha: E,
    },
}

impl<E> Func<E> {
    /// The ONNX operator name, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Func::Abs => "Abs",
            Func::Neg => "Neg",
            Func::Sign => "Sign",
            Func::Floor => "Floor",
            Func::Ceil => "Ceil",
            Func::Round => "Round",
            Func::Reciprocal => "Reciprocal",
            Func::Log => "Log",
            Func::Sin => "Sin",
            Func::Cos => "Cos",
            Func::Erf => "Erf",
            Func::Probit => "Probit",
            Func::Gelu | Func::GeluTanh => "Gelu",
            Func::Softplus => "Softplus",
            Func::Softsign => "Softsign",
            Func::Mish => "Mish",
            Func::HardSwish => "HardSwish",
            Func::HardSigmoid { .. } => "HardSigmoid",
            Func::Elu { .. } => "Elu",
            Func::Celu { .. } => "Celu",
        }
    }
}
