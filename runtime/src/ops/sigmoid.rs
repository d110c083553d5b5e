//! `Sigmoid` — 1 / (1 + e^-x), element-wise (opsets 6, 13).
//!
//! Fixed point: `fixed::logistic::sigmoid` (a table of cubics); within 0.5 ulp + 1.7e-8 of the exact value, always in [0, 1]. Not defined on integers.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Sigmoid.html>

use super::elementwise::{unary, UnaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sigmoid;

impl UnaryFn for Sigmoid {
    const NAME: &'static str = "Sigmoid";

    fn apply<B: Arith>(&self, ar: &B, x: B::Elem) -> Result<B::Elem, ArithError> {
        ar.sigmoid(x)
    }
}

impl Kernel for Sigmoid {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![unary(ar, self, required(inputs, 0, "X")?)?])
    }
}
