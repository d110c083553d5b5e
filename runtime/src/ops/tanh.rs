//! `Tanh` — Hyperbolic tangent, element-wise (opsets 6, 13).
//!
//! Fixed point: `fixed::logistic::tanh`, 2σ(2x) − 1 from the same table (exactly odd); within 0.5 ulp + 3.4e-8 of the exact value. Not defined on integers.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Tanh.html>

use super::elementwise::{unary, UnaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tanh;

impl UnaryFn for Tanh {
    const NAME: &'static str = "Tanh";

    fn apply<B: Arith>(&self, ar: &B, x: B::Elem) -> Result<B::Elem, ArithError> {
        ar.tanh(x)
    }
}

impl Kernel for Tanh {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![unary(ar, self, required(inputs, 0, "X")?)?])
    }
}
