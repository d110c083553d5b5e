//! `Sqrt` — the square root, element-wise (opsets 6, 13).
//!
//! Fixed point: `fixed::sqrt::sqrt`, `round(sqrt(q · 2^s))` to nearest (error ≤
//! 2^-(s+1)); a negative input is a domain error (ONNX gives NaN). Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Sqrt.html>

use super::elementwise::{unary, UnaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sqrt;

impl UnaryFn for Sqrt {
    const NAME: &'static str = "Sqrt";

    fn apply<B: Arith>(&self, ar: &B, x: B::Elem) -> Result<B::Elem, ArithError> {
        ar.sqrt(x)
    }
}

impl Kernel for Sqrt {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        if let Value::Int(..) = x {
            return Err(ArithError::UnsupportedType { operation: "Sqrt", dtype: x.dtype().name() }.into());
        }
        Ok(vec![unary(ar, self, x)?])
    }
}
