//! `ai.onnx.ml.LinearClassifier` — scores `X · Wᵀ + intercepts` (one row of
//! coefficients per class, or a single row for a binary model), the label of
//! the best class, and the post-transformed scores.
//!
//! As onnxruntime: with several rows the label is the class of the first
//! largest raw score and the scores are post-transformed per row; with one
//! row `s` and two labels the label is `labels[1]` when `s > 0`, else
//! `labels[0]`, and the scores are `[1 - s, s]` (`[1 - p, p]`, `p = sigmoid(s)`,
//! under LOGISTIC; SOFTMAX and SOFTMAX_ZERO leave them as `[1 - s, s]` like
//! onnxruntime). String labels are reported as their indices (the package
//! manifest lists the strings).
//!
//! Fixed point: each score is one exact sum of products plus the intercept,
//! rounded once (as Gemm); the post-transforms are those of `ml.rs`.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_LinearClassifier.html>

use super::linear_regressor::linear_scores;
use super::ml::{features, first_argmax, labels, real_matrix, Binary, PostTransform};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct LinearClassifier {
    /// `[classes, C]` (or `[1, C]` for a binary model), row-major.
    pub coefficients: Vec<f64>,
    /// One per coefficient row, or empty for zeros.
    pub intercepts: Vec<f64>,
    /// The label reported for each class (string labels: their indices).
    pub labels: Vec<i64>,
    /// The class names when the model's labels are strings (the label
    /// output then holds their indices); empty for int labels.
    pub label_names: Vec<String>,
    pub post_transform: PostTransform,
}

impl Kernel for LinearClassifier {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let (n, c, x) = features(ar, inputs, 0, "X")?;
        if c == 0 || self.coefficients.len() % c != 0 {
            return Err(KernelError::shape(format!(
                "{} coefficients do not make rows of {c} features",
                self.coefficients.len()
            )));
        }
        let k = self.coefficients.len() / c;
        let binary = k == 1;
        if binary && self.labels.len() != 2 {
            return Err(KernelError::invalid(
                "classlabels",
                format!("a single row of coefficients needs exactly 2 class labels, got {}", self.labels.len()),
            ));
        }
        if !binary && self.labels.len() != k {
            return Err(KernelError::invalid(
                "classlabels",
                format!("{} class labels for {k} rows of coefficients", self.labels.len()),
            ));
        }
        let scores = linear_scores(ar, &x, n, c, &self.coefficients, &self.intercepts, k)?;
        let mut label_out = Vec::with_capacity(n);
        let width = if binary { 2 } else { k };
        let mut z = Vec::with_capacity(n * width);
        for (r, row) in scores.chunks(k).enumerate() {
            if binary {
                let s = row[0];
                label_out.push(self.labels[usize::from(s > ar.zero())]);
                let expansion =
                    if self.post_transform == PostTransform::Logistic { Binary::Logistic } else { Binary::Complement };
                expansion.expand(ar, s, &mut z).map_err(at(r * width))?;
            } else {
                label_out.push(self.labels[first_argmax(row)]);
                self.post_transform.apply(ar, row, &mut z).map_err(at(r * width))?;
            }
        }
        Ok(vec![labels(label_out)?, real_matrix(n, width, z)?])
    }
}
