//! Pieces shared by the ai.onnx.ml operators: features as a matrix of reals,
//! the score post-transforms, and how classifiers pick and report classes.
//!
//! cairn follows onnxruntime's observable behaviour (what users compare
//! against), with these fixed-point definitions:
//!
//! * LOGISTIC is the fixed-point sigmoid; SOFTMAX the fixed-point softmax of
//!   the row; SOFTMAX_ZERO leaves scores within 1e-7 of zero (quantized:
//!   `⌈-1e-7⌉ ≤ x ≤ ⌊1e-7⌋`) at zero and takes the softmax of the others
//!   (onnxruntime writes `x·e^-max` there, below 1e-7; a row of zeros stays
//!   zero where onnxruntime divides 0 by 0). PROBIT is the fixed-point normal quantile
//!   (`fixed::erf::probit`, correctly rounded up to erf's 1e-12 error) of each score,
//!   an error for a score outside (0, 1).
//! * A class is chosen on the raw scores, before the post-transform (as
//!   onnxruntime does): the first largest.
//! * A binary model with a single score `s` reports two columns: `[1 - s, s]`
//!   ([`Binary::Complement`]), `[-s, s]` ([`Binary::Negate`]) or, under
//!   LOGISTIC, `[1 - p, p]` with `p = sigmoid(s)` ([`Binary::Logistic`], which
//!   sums to exactly one).

use super::Inputs;
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::tensor::Tensor;
use crate::value::Value;

/// The `post_transform` attribute of the classifiers and regressors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostTransform {
    None,
    Logistic,
    Softmax,
    SoftmaxZero,
    Probit,
}

impl PostTransform {
    /// The ONNX spelling, for messages and generated code comments.
    pub fn onnx_name(self) -> &'static str {
        match self {
            PostTransform::None => "NONE",
            PostTransform::Logistic => "LOGISTIC",
            PostTransform::Softmax => "SOFTMAX",
            PostTransform::SoftmaxZero => "SOFTMAX_ZERO",
            PostTransform::Probit => "PROBIT",
        }
    }

    /// The transformed row, appended to `out`.
    pub fn apply<A: Arith>(self, ar: &A, row: &[A::Elem], out: &mut Vec<A::Elem>) -> Result<(), ArithError> {
        match self {
            PostTransform::None => out.extend_from_slice(row),
            PostTransform::Logistic => {
                for &x in row {
                    out.push(ar.sigmoid(x)?);
                }
            }
            PostTransform::Softmax => ar.softmax(row, out)?,
            PostTransform::SoftmaxZero => softmax_zero(ar, row, out)?,
            PostTransform::Probit => {
                for &x in row {
                    out.push(ar.func(crate::arith::Func::Probit, x)?);
                }
            }
        }
        Ok(())
    }
}

/// onnxruntime's SOFTMAX_ZERO with the zero test quantized (module docs).
pub fn softmax_zero<A: Arith>(ar: &A, row: &[A::Elem], out: &mut Vec<A::Elem>) -> Result<(), ArithError> {
    let (eps, _) = ar.bracket(1e-7);
    let (_, neg_eps) = ar.bracket(-1e-7);
    let is_zero = |x: A::Elem| !(x > eps || x < neg_eps);
    let kept: Vec<A::Elem> = row.iter().copied().filter(|&x| !is_zero(x)).collect();
    let mut soft = Vec::with_capacity(kept.len());
    ar.softmax(&kept, &mut soft)?;
    let mut soft = soft.into_iter();
    for &x in row {
        out.push(if is_zero(x) { ar.zero() } else { soft.next().unwrap_or_else(|| ar.zero()) });
    }
    Ok(())
}

/// Why a binary classifier's single score cannot take PROBIT: onnxruntime
/// does not return a probability pair for it (it writes 0 in the first
/// column, and 0 in both for some rows), so there is no behaviour to match.
pub const PROBIT_BINARY: &str =
    "post_transform PROBIT on a binary classifier's single score is not supported (onnxruntime's output for it is not a probability pair)";

/// How a binary model's single score becomes two columns (module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binary {
    Complement,
    Negate,
    Logistic,
}

impl Binary {
    pub fn expand<A: Arith>(self, ar: &A, s: A::Elem, out: &mut Vec<A::Elem>) -> Result<(), ArithError> {
        match self {
            Binary::Complement => out.extend([ar.sub(ar.from_f64(1.0)?, s)?, s]),
            Binary::Negate => out.extend([ar.sub(ar.zero(), s)?, s]),
            Binary::Logistic => {
                let p = ar.sigmoid(s)?;
                out.extend([ar.sub(ar.from_f64(1.0)?, p)?, p]);
            }
        }
        Ok(())
    }
}

/// Index of the first largest value (0 for an empty slice).
pub fn first_argmax<E: PartialOrd + Copy>(xs: &[E]) -> usize {
    let mut best = 0;
    for (i, x) in xs.iter().enumerate().skip(1) {
        if *x > xs[best] {
            best = i;
        }
    }
    best
}

/// The features of an ai.onnx.ml operator as `(rows, columns, values)`: a
/// `[N, C]` tensor, or `[C]` taken as one row. Integer features become reals
/// exactly (`from_int`), as onnxruntime casts them to float.
pub fn features<A: Arith>(
    ar: &A,
    inputs: &Inputs<'_, A::Elem>,
    index: usize,
    name: &'static str,
) -> Result<(usize, usize, Vec<A::Elem>), KernelError> {
    let x = super::required(inputs, index, name)?;
    let data: Vec<A::Elem> = match x {
        Value::Real(t, _) => t.data().to_vec(),
        Value::Int(t, _) => t.data().iter().map(|&v| ar.from_int(v)).collect::<Result<_, _>>()?,
    };
    let (n, c) = match x.shape() {
        [c] => (1, *c),
        [n, c] => (*n, *c),
        other => {
            return Err(KernelError::shape(format!("expected features of shape [N, C] or [C], got {other:?}")));
        }
    };
    Ok((n, c, data))
}

/// Quantizes attribute reals once per run.
pub fn quantize_all<A: Arith>(ar: &A, xs: &[f64]) -> Result<Vec<A::Elem>, ArithError> {
    xs.iter().map(|&x| ar.from_f64(x)).collect()
}

/// A real `[rows, cols]` output.
pub fn real_matrix<E>(rows: usize, cols: usize, data: Vec<E>) -> Result<Value<E>, KernelError> {
    Ok(Value::Real(Tensor::new(vec![rows, cols], data)?, crate::dtype::DType::F32))
}

/// An int64 `[rows]` output of class labels.
pub fn labels<E>(data: Vec<i64>) -> Result<Value<E>, KernelError> {
    Ok(Value::Int(Tensor::new(vec![data.len()], data)?, crate::dtype::DType::I64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::{FixedArith, FloatArith};
    use crate::fixed::Scale;

    #[test]
    fn softmax_zero_keeps_zeros() {
        let fx = FixedArith::new(Scale::new(16).unwrap());
        let mut out = Vec::new();
        softmax_zero(&fx, &[65536, 0, 65536], &mut out).unwrap();
        assert_eq!(out, vec![32768, 0, 32768]);
        let mut out = Vec::new();
        softmax_zero(&FloatArith, &[0.0, 5e-8, 1.0], &mut out).unwrap();
        assert_eq!(out, vec![0.0, 0.0, 1.0]);
        let mut out = Vec::new();
        softmax_zero(&fx, &[0, 0], &mut out).unwrap();
        assert_eq!(out, vec![0, 0]);
    }

    #[test]
    fn logistic_pair_sums_to_one() {
        let fx = FixedArith::new(Scale::new(16).unwrap());
        for s in [-300_000i64, -1, 0, 12345, 999_999] {
            let mut out = Vec::new();
            Binary::Logistic.expand(&fx, s, &mut out).unwrap();
            assert_eq!(out[0] + out[1], 65536);
        }
    }

    #[test]
    fn first_argmax_takes_the_first_tie() {
        assert_eq!(first_argmax(&[1, 3, 3, 2]), 1);
        assert_eq!(first_argmax::<i64>(&[]), 0);
    }
}
