//! `Exp` — e^x, element-wise (opsets 6, 13).
//!
//! Fixed point: `fixed::exp::exp`, relative error < 1.7e-10 plus one rounding half up to scale s; a result past 2^63 ulps is an overflow error. Not defined on integers.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Exp.html>

use super::elementwise::{unary, UnaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Exp;

impl UnaryFn for Exp {
    const NAME: &'static str = "Exp";

    fn apply<B: Arith>(&self, ar: &B, x: B::Elem) -> Result<B::Elem, ArithError> {
        ar.exp(x)
    }
}

impl Kernel for Exp {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![unary(ar, self, required(inputs, 0, "X")?)?])
    }
}
