//! `Elu` — x for x ≥ 0, `alpha · (e^x − 1)` otherwise (opsets 6, 22; alpha defaults to 1).
//!
//! Fixed point: alpha is quantized once at the model scale (`α_q`, an error when
//! it cannot be); negative inputs give `(α_q · (E − 2^62) + 2^61) >> 62` with
//! `E = e^x` at scale 2^-62 (`fixed::activation::scaled_expm1`): one rounding,
//! error ≤ 2^-(s+1) + |α|·2e-10 + |e^x − 1|·|α − α_q 2^-s|. Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Elu.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Elu {
    pub alpha: f64,
}

impl Default for Elu {
    fn default() -> Self {
        Elu { alpha: 1.0 }
    }
}

impl Kernel for Elu {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let alpha = ar.from_f64(self.alpha)?;
        Ok(vec![func(ar, Func::Elu { alpha }, None, required(inputs, 0, "X")?)?])
    }
}
