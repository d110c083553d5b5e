//! `Add` — Element-wise sum, numpy broadcasting (opsets 7, 13, 14).
//!
//! Fixed point: exact; a sum outside ±2^63 is an overflow error. Integers: exact within the dtype.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Add.html>

use super::elementwise::{binary, BinaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Add;

impl BinaryFn for Add {
    const NAME: &'static str = "Add";

    fn apply<B: Arith>(&self, ar: &B, a: B::Elem, b: B::Elem) -> Result<B::Elem, ArithError> {
        ar.add(a, b)
    }
}

impl Kernel for Add {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![binary(ar, self, required(inputs, 0, "A")?, required(inputs, 1, "B")?)?])
    }
}
