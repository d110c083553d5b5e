//! `Div` — Element-wise quotient, numpy broadcasting (opsets 7, 13, 14).
//!
//! Fixed point: round_half_up(a·2^s / b), error ≤ 2^-(s+1); division by zero is an error (no infinities). Integers: truncating division.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Div.html>

use super::elementwise::{binary, BinaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Div;

impl BinaryFn for Div {
    const NAME: &'static str = "Div";

    fn apply<B: Arith>(&self, ar: &B, a: B::Elem, b: B::Elem) -> Result<B::Elem, ArithError> {
        ar.div(a, b)
    }
}

impl Kernel for Div {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![binary(ar, self, required(inputs, 0, "A")?, required(inputs, 1, "B")?)?])
    }
}
