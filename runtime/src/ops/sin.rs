//! `Sin` — the sine, element-wise (opset 7).
//!
//! Fixed point: `fixed::trig::sin` (exact range reduction by π/2 at scale 124,
//! Taylor polynomials at scale 62 on |r| ≤ π/4, one rounding half up): error ≤
//! 2^-(s+1) + 1e-14 against the stored input; never out of range. Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Sin.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sin;

impl Kernel for Sin {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Sin, None, required(inputs, 0, "input")?)?])
    }
}
