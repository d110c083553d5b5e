//! `ai.onnx.ml.LinearRegressor` — `Y[n, t] = Σ_c X[n, c] · coefficients[t·C + c]
//! + intercepts[t]` for `targets` outputs, then the post-transform (`ml.rs`).
//!
//! Fixed point: as Gemm, each output is one exact sum of products plus the
//! intercept shifted to scale 2s, rounded once and range-checked once.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_LinearRegressor.html>

use super::ml::{features, quantize_all, real_matrix, PostTransform};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct LinearRegressor {
    /// `[targets, C]`, row-major.
    pub coefficients: Vec<f64>,
    /// `[targets]`, or empty for zeros.
    pub intercepts: Vec<f64>,
    pub targets: usize,
    pub post_transform: PostTransform,
}

/// `rows × k` scores of `X [rows, c]` against `k` weight rows: one exact sum
/// per score, rounded once (shared with LinearClassifier).
pub(crate) fn linear_scores<A: Arith>(
    ar: &A,
    x: &[A::Elem],
    rows: usize,
    c: usize,
    weights: &[f64],
    intercepts: &[f64],
    k: usize,
) -> Result<Vec<A::Elem>, KernelError> {
    if weights.len() != k * c {
        return Err(KernelError::shape(format!(
            "{} coefficients for {k} outputs of {c} features (needs {})",
            weights.len(),
            k * c
        )));
    }
    if !intercepts.is_empty() && intercepts.len() != k {
        return Err(KernelError::shape(format!("{} intercepts for {k} outputs", intercepts.len())));
    }
    let w = quantize_all(ar, weights)?;
    let b = quantize_all(ar, intercepts)?;
    let mut out = Vec::with_capacity(rows * k);
    for r in 0..rows {
        for t in 0..k {
            let mut acc = ar.acc_zero();
            for j in 0..c {
                ar.acc_mac(&mut acc, x[r * c + j], w[t * c + j]);
            }
            if let Some(&bias) = b.get(t) {
                ar.acc_add_bias(&mut acc, bias);
            }
            out.push(ar.acc_finish_dot(acc).map_err(at(r * k + t))?);
        }
    }
    Ok(out)
}

impl Kernel for LinearRegressor {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let (n, c, x) = features(ar, inputs, 0, "X")?;
        let k = self.targets;
        let scores = linear_scores(ar, &x, n, c, &self.coefficients, &self.intercepts, k)?;
        let mut out = Vec::with_capacity(scores.len());
        for (r, row) in scores.chunks(k.max(1)).enumerate() {
            self.post_transform.apply(ar, row, &mut out).map_err(at(r * k))?;
        }
        Ok(vec![real_matrix(n, k, out)?])
    }
}
