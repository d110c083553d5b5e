//! `Reciprocal` — 1/x (opsets 6, 13).
//!
//! Fixed point: `div_round(2^2s, x)`, Div's rounding half up (error ≤ 2^-(s+1)); x = 0 is a division-by-zero error, a result past 2^63 ulps an overflow. Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Reciprocal.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Reciprocal;

impl Kernel for Reciprocal {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Reciprocal, None, required(inputs, 0, "X")?)?])
    }
}
