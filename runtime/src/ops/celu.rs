//! `Celu` — `max(0, x) + min(0, alpha · (e^(x/alpha) − 1))` (opset 12; alpha defaults to 1).
//!
//! Fixed point: alpha is quantized once at the model scale (`α_q`, which must be
//! positive); negative inputs give `d = div_round(x · 2^s, α_q)` (Div's rounding)
//! and then Elu's `α_q · (e^d − 1)` with one rounding: error ≤ 2^-(s+1) +
//! |α|·2e-10 + 2^-(s+1) (from d) + |α − α_q 2^-s|. Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Celu.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Celu {
    pub alpha: f64,
}

impl Default for Celu {
    fn default() -> Self {
        Celu { alpha: 1.0 }
    }
}

impl Kernel for Celu {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let alpha = ar.from_f64(self.alpha)?;
        Ok(vec![func(ar, Func::Celu { alpha }, None, required(inputs, 0, "X")?)?])
    }
}
