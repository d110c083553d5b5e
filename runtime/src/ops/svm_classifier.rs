//! `ai.onnx.ml.SVMClassifier` — a support-vector classifier as onnxruntime
//! evaluates it.
//!
//! * **SVC** (`vectors_per_class` given): for each pair of classes `i < j`
//!   the decision `d = Σ_{v ∈ i} coef[j-1][v]·K(x, v) + Σ_{v ∈ j} coef[i][v]·K(x, v)
//!   + rho[pair]` votes for `i` when `d > 0`, else for `j`; the label is the
//!   class with the most votes (the first among ties) and the scores are the
//!   decisions (`[-d, d]` for two classes), post-transformed. Platt-scaled
//!   probabilities (`prob_a`, `prob_b`) are not supported.
//! * **Linear** (no support vectors): class scores `coef_c · x + rho[0]`,
//!   post-transformed; the label is the first largest score's, except that
//!   with two classes `labels[1]` is chosen when the largest score is ≥ 0.5
//!   (all coefficients non-negative) or > 0 (otherwise), as onnxruntime.
//!
//! Kernels `K(x, v)`: LINEAR `x·v`; POLY `(γ x·v + c₀)^degree` (integer
//! degree); RBF `exp(-γ |x - v|²)`; SIGMOID `tanh(γ x·v + c₀)`.
//! Fixed point: dot products and squared distances are exact sums rounded
//! once; γ and c₀ apply with one rounding each (a multiply); POLY multiplies
//! `degree - 1` times (one rounding each); exp and tanh are the fixed-point
//! functions; each decision is one exact sum of products plus rho, rounded
//! once. Votes compare stored decisions with zero (exact).
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_SVMClassifier.html>

use super::ml::{features, first_argmax, labels, quantize_all, real_matrix, Binary, PostTransform};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SvmKernel {
    Linear,
    Poly { gamma: f64, coef0: f64, degree: u32 },
    Rbf { gamma: f64 },
    Sigmoid { gamma: f64, coef0: f64 },
}

impl SvmKernel {
    /// `K(x, v)` in domain `A` (`gamma`, `coef0` quantized by the caller).
    pub(crate) fn eval<A: Arith>(
        self,
        ar: &A,
        x: &[A::Elem],
        v: &[A::Elem],
        gamma: A::Elem,
        coef0: A::Elem,
    ) -> Result<A::Elem, ArithError> {
        let dot = || {
            let mut acc = ar.acc_zero();
            for (&a, &b) in x.iter().zip(v) {
                ar.acc_mac(&mut acc, a, b);
            }
            ar.acc_finish_dot(acc)
        };
        match self {
            SvmKernel::Linear => dot(),
            SvmKernel::Poly { degree, .. } => {
                let base = ar.add(ar.mul(gamma, dot()?)?, coef0)?;
                let mut p = base;
                for _ in 1..degree {
                    p = ar.mul(p, base)?;
                }
                if degree == 0 {
                    p = ar.from_f64(1.0)?;
                }
                Ok(p)
            }
            SvmKernel::Sigmoid { .. } => ar.tanh(ar.add(ar.mul(gamma, dot()?)?, coef0)?),
            SvmKernel::Rbf { .. } => {
                let mut acc = ar.acc_zero();
                for (&a, &b) in x.iter().zip(v) {
                    let d = ar.sub(a, b)?;
                    ar.acc_mac(&mut acc, d, d);
                }
                let dist = ar.acc_finish_dot(acc)?;
                ar.exp(ar.sub(ar.zero(), ar.mul(gamma, dist)?)?)
            }
        }
    }

    /// `(γ, c₀)` quantized (zeros where the kernel has none).
    pub(crate) fn params<A: Arith>(self, ar: &A) -> Result<(A::Elem, A::Elem), ArithError> {
        let (g, c) = match self {
            SvmKernel::Linear => (0.0, 0.0),
            SvmKernel::Poly { gamma, coef0, .. } | SvmKernel::Sigmoid { gamma, coef0 } => (gamma, coef0),
            SvmKernel::Rbf { gamma } => (gamma, 0.0),
        };
        Ok((ar.from_f64(g)?, ar.from_f64(c)?))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SvmClassifier {
    pub kernel: SvmKernel,
    /// Empty for the linear mode.
    pub vectors_per_class: Vec<usize>,
    /// `[Σ vectors_per_class, C]`, row-major.
    pub support_vectors: Vec<f64>,
    /// SVC: `[classes - 1, vectors]`; linear: `[classes, C]`.
    pub coefficients: Vec<f64>,
    pub rho: Vec<f64>,
    pub labels: Vec<i64>,
    /// The class names when the model's labels are strings (the label
    /// output then holds their indices); empty for int labels.
    pub label_names: Vec<String>,
    pub post_transform: PostTransform,
}

impl SvmClassifier {
    pub fn vectors(&self) -> usize {
        self.vectors_per_class.iter().sum()
    }

    pub fn pairs(&self) -> usize {
        let k = self.labels.len();
        k * k.saturating_sub(1) / 2
    }

    /// Checks the attribute sizes against each other (and `features`, if known).
    pub fn check(&self, features: Option<usize>) -> Result<(), String> {
        let k = self.labels.len();
        if k < 2 {
            return Err(format!("{k} class label(s); a classifier needs at least 2"));
        }
        if self.vectors_per_class.is_empty() {
            if self.rho.is_empty() {
                return Err("rho is empty".into());
            }
            if self.coefficients.is_empty() || !self.coefficients.len().is_multiple_of(k) {
                return Err(format!("{} coefficients for {k} classes", self.coefficients.len()));
            }
            if let Some(c) = features {
                if self.coefficients.len() != k * c {
                    return Err(format!("{} coefficients for {k} classes of {c} features", self.coefficients.len()));
                }
            }
            return Ok(());
        }
        if self.vectors_per_class.len() != k {
            return Err(format!("vectors_per_class has {} entries for {k} classes", self.vectors_per_class.len()));
        }
        let v = self.vectors();
        if v == 0 || !self.support_vectors.len().is_multiple_of(v) {
            return Err(format!("{} support-vector values for {v} vectors", self.support_vectors.len()));
        }
        if let Some(c) = features {
            if self.support_vectors.len() != v * c {
                return Err(format!("support vectors have {} features, the input {c}", self.support_vectors.len() / v));
            }
        }
        if self.coefficients.len() != (k - 1) * v {
            return Err(format!(
                "{} coefficients; an SVC of {k} classes and {v} vectors needs {}",
                self.coefficients.len(),
                (k - 1) * v
            ));
        }
        if self.rho.len() != self.pairs() {
            return Err(format!("{} rho values for {} class pairs", self.rho.len(), self.pairs()));
        }
        if k == 2 && self.post_transform != PostTransform::None {
            return Err(format!(
                "a two-class SVC with post_transform {} (only NONE is supported there)",
                self.post_transform.onnx_name()
            ));
        }
        Ok(())
    }

    /// Output score columns.
    pub fn score_width(&self) -> usize {
        match (self.vectors_per_class.is_empty(), self.labels.len()) {
            (true, k) => k,
            (false, 2) => 2,
            (false, _) => self.pairs(),
        }
    }
}

impl Kernel for SvmClassifier {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let (n, c, x) = features(ar, inputs, 0, "X")?;
        self.check(Some(c)).map_err(|e| KernelError::invalid("attributes", e))?;
        let k = self.labels.len();
        let width = self.score_width();
        let coef = quantize_all(ar, &self.coefficients)?;
        let rho = quantize_all(ar, &self.rho)?;
        let mut label_out = Vec::with_capacity(n);
        let mut z = Vec::with_capacity(n * width);
        if self.vectors_per_class.is_empty() {
            let all_positive = self.coefficients.iter().all(|&w| w >= 0.0);
            for r in 0..n {
                let row = &x[r * c..(r + 1) * c];
                let mut scores = Vec::with_capacity(k);
                for class in 0..k {
                    let mut acc = ar.acc_zero();
                    for j in 0..c {
                        ar.acc_mac(&mut acc, row[j], coef[class * c + j]);
                    }
                    ar.acc_add_bias(&mut acc, rho[0]);
                    scores.push(ar.acc_finish_dot(acc).map_err(at(r * width + class))?);
                }
                let best = first_argmax(&scores);
                let label = if k == 2 {
                    let max = scores[best];
                    let promote = if all_positive { max >= ar.bracket(0.5).1 } else { max > ar.zero() };
                    if promote {
                        1
                    } else {
                        best
                    }
                } else {
                    best
                };
                label_out.push(self.labels[label]);
                self.post_transform.apply(ar, &scores, &mut z).map_err(at(r * width))?;
            }
        } else {
            let sv = quantize_all(ar, &self.support_vectors)?;
            let (gamma, coef0) = self.kernel.params(ar)?;
            let v = self.vectors();
            let starts: Vec<usize> = self
                .vectors_per_class
                .iter()
                .scan(0, |s, &m| {
                    let start = *s;
                    *s += m;
                    Some(start)
                })
                .collect();
            for r in 0..n {
                let row = &x[r * c..(r + 1) * c];
                let kernels: Vec<A::Elem> = (0..v)
                    .map(|m| self.kernel.eval(ar, row, &sv[m * c..(m + 1) * c], gamma, coef0))
                    .collect::<Result<_, _>>()
                    .map_err(at(r * width))?;
                let mut votes = vec![0usize; k];
                let mut decisions = Vec::with_capacity(self.pairs());
                let mut pair = 0;
                for i in 0..k {
                    for j in i + 1..k {
                        let mut acc = ar.acc_zero();
                        for m in starts[i]..starts[i] + self.vectors_per_class[i] {
                            ar.acc_mac(&mut acc, coef[(j - 1) * v + m], kernels[m]);
                        }
                        for m in starts[j]..starts[j] + self.vectors_per_class[j] {
                            ar.acc_mac(&mut acc, coef[i * v + m], kernels[m]);
                        }
                        ar.acc_add_bias(&mut acc, rho[pair]);
                        let d = ar.acc_finish_dot(acc).map_err(at(r * width + pair))?;
                        votes[if d > ar.zero() { i } else { j }] += 1;
                        decisions.push(d);
                        pair += 1;
                    }
                }
                label_out.push(self.labels[first_argmax(&votes)]);
                if k == 2 {
                    Binary::Negate.expand(ar, decisions[0], &mut z).map_err(at(r * width))?;
                } else {
                    self.post_transform.apply(ar, &decisions, &mut z).map_err(at(r * width))?;
                }
            }
        }
        Ok(vec![labels(label_out)?, real_matrix(n, width, z)?])
    }
}
