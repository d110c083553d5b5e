//! `Sub` — Element-wise difference, numpy broadcasting (opsets 7, 13, 14).
//!
//! Fixed point: exact; a difference outside ±2^63 is an overflow error. Integers: exact within the dtype.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Sub.html>

use super::elementwise::{binary, BinaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sub;

impl BinaryFn for Sub {
    const NAME: &'static str = "Sub";

    fn apply<B: Arith>(&self, ar: &B, a: B::Elem, b: B::Elem) -> Result<B::Elem, ArithError> {
        ar.sub(a, b)
    }
}

impl Kernel for Sub {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![binary(ar, self, required(inputs, 0, "A")?, required(inputs, 1, "B")?)?])
    }
}
