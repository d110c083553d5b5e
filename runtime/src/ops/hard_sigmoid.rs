//! `HardSigmoid` — `max(0, min(1, alpha · x + beta))` (opsets 6, 22; alpha 0.2, beta 0.5).
//!
//! Fixed point: alpha and beta quantized once at the model scale; the sum
//! `α_q · x + β_q · 2^s` is exact at scale 2^-2s and rounded once half up, then
//! clamped: error ≤ 2^-(s+1) + |x|·|α − α_q 2^-s| + |β − β_q 2^-s|. Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__HardSigmoid.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HardSigmoid {
    pub alpha: f64,
    pub beta: f64,
}

impl Default for HardSigmoid {
    fn default() -> Self {
        HardSigmoid { alpha: 0.2, beta: 0.5 }
    }
}

impl Kernel for HardSigmoid {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let (alpha, beta) = (ar.from_f64(self.alpha)?, ar.from_f64(self.beta)?);
        Ok(vec![func(ar, Func::HardSigmoid { alpha, beta }, None, required(inputs, 0, "X")?)?])
    }
}
