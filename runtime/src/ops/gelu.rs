//! `Gelu` — `x · Φ(x)`, or with `approximate = "tanh"`
//! `x/2 · (1 + tanh(√(2/π) (x + 0.044715 x³)))` (opset 20).
//!
//! Fixed point: `fixed::erf::gelu` (Φ from the integer erf at scale 2^-62, one
//! rounding: error ≤ 2^-(s+1) + (1 + |x|) · 1e-12) or `fixed::activation::gelu_tanh`
//! (the integer exponential at scale 2^-62 after an argument at scale 2^-32:
//! error ≤ 2^-(s+1) + 2e-9). Never overflows (`|y| ≤ |x|`). Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Gelu.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Gelu {
    /// `approximate = "tanh"`.
    pub tanh: bool,
}

impl Kernel for Gelu {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let f = if self.tanh { Func::GeluTanh } else { Func::Gelu };
        Ok(vec![func(ar, f, None, required(inputs, 0, "X")?)?])
    }
}
