//! `Mish` — x · tanh(ln(1 + e^x)) (opsets 18, 22).
//!
//! Fixed point: `fixed::activation::mish`, the tanh of the softplus in closed form from one exponential at scale 2^-62, one rounding: error ≤ 2^-(s+1) + (1 + |x|) · 1e-9. Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Mish.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mish;

impl Kernel for Mish {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Mish, None, required(inputs, 0, "X")?)?])
    }
}
