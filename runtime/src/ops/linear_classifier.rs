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
        if c == 0 || !self.coefficients.len().is_multiple_of(c) {
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
        if binary && self.post_transform == PostTransform::Probit {
            return Err(KernelError::Unsupported(super::ml::PROBIT_BINARY.into()));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;
    use crate::dtype::DType;
    use crate::fixed::Scale;
    use crate::tensor::Tensor;

    fn classifier(coefficients: Vec<f64>, labels: Vec<i64>) -> LinearClassifier {
        LinearClassifier {
            coefficients,
            intercepts: Vec::new(),
            labels,
            label_names: Vec::new(),
            post_transform: PostTransform::Probit,
        }
    }

    #[test]
    fn probit_applies_to_each_class_score() {
        let fx = FixedArith::new(Scale::new(16).unwrap());
        // Scores 0.25 and 0.5 (x = [1, 0.5], one coefficient row per class).
        let x = Value::Real(Tensor::new(vec![1, 2], vec![65536, 32768]).unwrap(), DType::F32);
        let out = classifier(vec![0.25, 0.0, 0.0, 1.0], vec![3, 4]).run(&fx, &[Some(&x)]).unwrap();
        let scores = out[1].as_real(1, "Z").unwrap().data().to_vec();
        // Φ⁻¹(0.25) = -0.6744897502 → round(-44203.4...) = -44203; Φ⁻¹(0.5) = 0.
        assert_eq!(scores, vec![-44203, 0]);
    }

    #[test]
    fn probit_on_a_binary_score_is_refused() {
        let fx = FixedArith::new(Scale::new(16).unwrap());
        let x = Value::Real(Tensor::new(vec![1, 2], vec![0, 0]).unwrap(), DType::F32);
        let err = classifier(vec![0.5, 0.5], vec![0, 1]).run(&fx, &[Some(&x)]).unwrap_err();
        assert!(err.to_string().contains("PROBIT on a binary classifier"), "{err}");
    }
}
