//! `Mul` — Element-wise product, numpy broadcasting (opsets 7, 13, 14).
//!
//! Fixed point: the exact product (scale 2s) rounded once, half up, to scale s; error ≤ 2^-(s+1). Integers: exact within the dtype.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Mul.html>

use super::elementwise::{binary, BinaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mul;

impl BinaryFn for Mul {
    const NAME: &'static str = "Mul";

    fn apply<B: Arith>(&self, ar: &B, a: B::Elem, b: B::Elem) -> Result<B::Elem, ArithError> {
        ar.mul(a, b)
    }
}

impl Kernel for Mul {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![binary(ar, self, required(inputs, 0, "A")?, required(inputs, 1, "B")?)?])
    }
}
