//! `LeakyRelu` — x for x ≥ 0, alpha·x otherwise (opsets 6, 16; alpha defaults to 0.01).
//!
//! Fixed point: alpha is quantized once at the model scale (`α_q`); negative
//! inputs become `Mul(x, α_q)`, one rounding half up. The error against the
//! real function is ≤ 2^-(s+1) + |x|·|α - α_q/2^s|.
//! Spec: <https://onnx.ai/onnx/operators/onnx__LeakyRelu.html>

use super::elementwise::{unary, UnaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LeakyRelu {
    pub alpha: f64,
}

impl Default for LeakyRelu {
    fn default() -> Self {
        LeakyRelu { alpha: 0.01 }
    }
}

impl UnaryFn for LeakyRelu {
    const NAME: &'static str = "LeakyRelu";

    fn apply<B: Arith>(&self, ar: &B, x: B::Elem) -> Result<B::Elem, ArithError> {
        if x < ar.zero() {
            ar.mul(x, ar.from_f64(self.alpha)?)
        } else {
            Ok(x)
        }
    }
}

impl Kernel for LeakyRelu {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        if let Value::Int(..) = x {
            return Err(ArithError::UnsupportedType { operation: "LeakyRelu", dtype: x.dtype().name() }.into());
        }
        Ok(vec![unary(ar, self, x)?])
    }
}
