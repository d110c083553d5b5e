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

    fn exp(&self, x: Self::Elem) -> Result<Self::Elem, ArithError>;
    fn sigmoid(&self, x: Self::Elem) -> Result<Self::Elem, ArithError>;
    fn tanh(&self, x: Self::Elem) -> Result<Self::Elem, ArithError>;
    fn sqrt(&self, x: Self::Elem) -> Result<Self::Elem, ArithError>;
    /// Softmax of one slice, appended to `out`.
    fn softmax(&self, xs: &[Self::Elem], out: &mut Vec<Self::Elem>) -> Result<(), ArithError>;
}
