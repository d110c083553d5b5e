//! `ai.onnx.ml.SVMRegressor` — `y = Σ_v coef[v]·K(x, v) + rho[0]` over the
//! support vectors (or `coef · x + rho[0]` with none), as onnxruntime;
//! `one_class = 1` reports `1` when `y > 0`, else `-1`. Then the
//! post-transform. Kernels and fixed point as SVMClassifier: one exact sum of
//! products plus rho, rounded once.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_SVMRegressor.html>

use super::ml::{features, quantize_all, real_matrix, PostTransform};
use super::svm_classifier::SvmKernel;
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct SvmRegressor {
    pub kernel: SvmKernel,
    /// Number of support vectors (0: linear mode).
    pub supports: usize,
    /// `[supports, C]`, row-major.
    pub support_vectors: Vec<f64>,
    /// One per support vector, or `[C]` in linear mode.
    pub coefficients: Vec<f64>,
    pub rho: f64,
    pub one_class: bool,
    pub post_transform: PostTransform,
}

impl SvmRegressor {
    pub fn check(&self, features: Option<usize>) -> Result<(), String> {
        if self.supports == 0 {
            if let Some(c) = features {
                if self.coefficients.len() != c {
                    return Err(format!("{} coefficients for {c} features", self.coefficients.len()));
                }
            }
            return Ok(());
        }
        if self.coefficients.len() != self.supports {
            return Err(format!("{} coefficients for {} support vectors", self.coefficients.len(), self.supports));
        }
        if !self.support_vectors.len().is_multiple_of(self.supports) {
            return Err(format!("{} support-vector values for {} vectors", self.support_vectors.len(), self.supports));
        }
        if let Some(c) = features {
            if self.support_vectors.len() != self.supports * c {
                return Err(format!(
                    "support vectors have {} features, the input {c}",
                    self.support_vectors.len() / self.supports
                ));
            }
        }
        Ok(())
    }
}

impl Kernel for SvmRegressor {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let (n, c, x) = features(ar, inputs, 0, "X")?;
        self.check(Some(c)).map_err(|e| KernelError::invalid("attributes", e))?;
        let coef = quantize_all(ar, &self.coefficients)?;
        let sv = quantize_all(ar, &self.support_vectors)?;
        let rho = ar.from_f64(self.rho)?;
        let (gamma, coef0) = self.kernel.params(ar)?;
        let (one, minus_one) = (ar.from_f64(1.0)?, ar.from_f64(-1.0)?);
        let mut out = Vec::with_capacity(n);
        for r in 0..n {
            let row = &x[r * c..(r + 1) * c];
            let mut acc = ar.acc_zero();
            if self.supports == 0 {
                for j in 0..c {
                    ar.acc_mac(&mut acc, row[j], coef[j]);
                }
            } else {
                for m in 0..self.supports {
                    let k = self.kernel.eval(ar, row, &sv[m * c..(m + 1) * c], gamma, coef0).map_err(at(r))?;
                    ar.acc_mac(&mut acc, coef[m], k);
                }
            }
            ar.acc_add_bias(&mut acc, rho);
            let y = ar.acc_finish_dot(acc).map_err(at(r))?;
            let y = if self.one_class {
                if y > ar.zero() {
                    one
                } else {
                    minus_one
                }
            } else {
                y
            };
            self.post_transform.apply(ar, &[y], &mut out).map_err(at(r))?;
        }
        Ok(vec![real_matrix(n, 1, out)?])
    }
}
