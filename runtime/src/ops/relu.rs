//! `Relu` — max(0, x), element-wise (opsets 6, 13, 14; 14 adds integer types).
//!
//! Exact in every domain: no rounding, no overflow.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Relu.html>

use super::elementwise::{unary, UnaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Relu;

impl UnaryFn for Relu {
    const NAME: &'static str = "Relu";

    fn apply<B: Arith>(&self, ar: &B, x: B::Elem) -> Result<B::Elem, ArithError> {
        let zero = ar.zero();
        Ok(if x < zero { zero } else { x })
    }
}

impl Kernel for Relu {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![unary(ar, self, required(inputs, 0, "X")?)?])
    }
}
