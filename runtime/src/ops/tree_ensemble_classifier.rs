//! `ai.onnx.ml.TreeEnsembleClassifier` — the label and class scores of a
//! forest: each class's score is the sum of the weights the reached leaves
//! give it, plus its base value; then the post-transform (`ml.rs`).
//!
//! cairn reproduces onnxruntime, including its binary conventions:
//!
//! * **Binary** (two labels, every leaf weight for class id 0): the score `s`
//!   is the sum plus the single base value, if any. When no weight is negative
//!   the label is `labels[1]` iff `s > 0.5` and the scores are `[1 - s, s]`;
//!   otherwise the label is `labels[1]` iff `s > 0` and the scores `[-s, s]`.
//!   Under LOGISTIC both report `[1 - p, p]` with `p = sigmoid(s)`.
//! * **Otherwise** (more labels, or two labels with weights for both ids —
//!   where onnxruntime reports the raw labels 1/0 by the sign of class 1's
//!   score; cairn takes the ONNX reference's reading): the label is that of
//!   the first largest score among the classes that received a weight or a
//!   base value (`labels[0]` if none did); the scores, with 0 for the others,
//!   are post-transformed together.
//!
//! Binary models whose weights name only class id 1, or with two base
//! values, are refused at import: onnxruntime and the ONNX reference disagree
//! on them.
//!
//! Fixed point: weights and base values are quantized at the model scale and
//! summed exactly (range-checked once); splits as in `tree.rs`.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_TreeEnsembleClassifier.html>

use super::ml::{features, first_argmax, labels, quantize_all, real_matrix, Binary, PostTransform, PROBIT_BINARY};
use super::tree::Forest;
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct TreeEnsembleClassifier {
    pub forest: Forest,
    /// The label reported for each class (string labels: their indices).
    pub labels: Vec<i64>,
    /// The class names when the model's labels are strings (the label
    /// output then holds their indices); empty for int labels.
    pub label_names: Vec<String>,
    /// Empty, one value (binary), or one per class.
    pub base_values: Vec<f64>,
    pub post_transform: PostTransform,
}

impl TreeEnsembleClassifier {
    /// Two labels and every weight for class 0: onnxruntime's binary case.
    pub fn is_binary(&self) -> bool {
        self.labels.len() == 2 && self.forest.weights.iter().all(|&(c, _)| c == 0)
    }

    /// No negative leaf weight (decides the binary threshold and scores).
    pub fn weights_all_positive(&self) -> bool {
        self.forest.weights.iter().all(|&(_, w)| w >= 0.0)
    }

    /// The binary scores' expansion for this model.
    pub fn binary_expansion(&self) -> Binary {
        match (self.post_transform, self.weights_all_positive()) {
            (PostTransform::Logistic, _) => Binary::Logistic,
            (_, true) => Binary::Complement,
            (_, false) => Binary::Negate,
        }
    }

    /// Checks what import cannot (the label count against the weights).
    pub fn check(&self) -> Result<(), String> {
        let classes = self.labels.len();
        if classes < 2 {
            return Err(format!("{classes} class label(s); a classifier needs at least 2"));
        }
        if self.is_binary() {
            if self.post_transform == PostTransform::Probit {
                return Err(PROBIT_BINARY.into());
            }
            if self.base_values.len() > 1 {
                return Err(
                    "a binary forest with two base values (onnxruntime and the ONNX reference disagree on it)".into()
                );
            }
        } else {
            if classes == 2 && self.forest.weights.iter().all(|&(c, _)| c == 1) && !self.forest.weights.is_empty() {
                return Err("a binary forest whose weights all name class 1 (onnxruntime and the ONNX reference disagree on it)".into());
            }
            if !self.base_values.is_empty() && self.base_values.len() != classes {
                return Err(format!("{} base values for {classes} classes", self.base_values.len()));
            }
        }
        self.forest.validate(classes)
    }
}

impl Kernel for TreeEnsembleClassifier {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        self.check().map_err(|e| KernelError::invalid("attributes", e))?;
        let (n, c, x) = features(ar, inputs, 0, "X")?;
        self.forest.check_features(c)?;
        let p = self.forest.prepare(ar)?;
        let base = quantize_all(ar, &self.base_values)?;
        let classes = self.labels.len();
        let binary = self.is_binary();
        let width = if binary { 2 } else { classes };
        // The binary rule depends on the weights only: decided once, not per row.
        let threshold = if self.weights_all_positive() { ar.bracket(0.5).0 } else { ar.zero() };
        let expansion = self.binary_expansion();
        let mut label_out = Vec::with_capacity(n);
        let mut z = Vec::with_capacity(n * width);
        for r in 0..n {
            let row = &x[r * c..(r + 1) * c];
            let mut acc: Vec<A::Acc> = (0..classes).map(|_| ar.acc_zero()).collect();
            let mut has = vec![!base.is_empty(); classes];
            for (k, &b) in base.iter().enumerate() {
                ar.acc_add(&mut acc[k], b);
            }
            for &root in &self.forest.roots {
                for w in self.forest.leaf(&p, row, root) {
                    let class = self.forest.weights[w].0;
                    ar.acc_add(&mut acc[class], p.weights[w]);
                    has[class] = true;
                }
            }
            let scores: Vec<A::Elem> =
                acc.into_iter().map(|a| ar.acc_finish_sum(a)).collect::<Result<_, _>>().map_err(at(r * width))?;
            if binary {
                let s = scores[0];
                label_out.push(self.labels[usize::from(s > threshold)]);
                expansion.expand(ar, s, &mut z).map_err(at(r * width))?;
            } else {
                let candidates: Vec<usize> = (0..classes).filter(|&k| has[k]).collect();
                let best = candidates
                    .get(first_argmax(&candidates.iter().map(|&k| scores[k]).collect::<Vec<_>>()))
                    .copied()
                    .unwrap_or(0);
                label_out.push(self.labels[best]);
                self.post_transform.apply(ar, &scores, &mut z).map_err(at(r * width))?;
            }
        }
        Ok(vec![labels(label_out)?, real_matrix(n, width, z)?])
    }
}
