//! `Abs` — |x|, element-wise (opsets 6, 13; integers too).
//!
//! Exact in every domain; |-2^63| (or an integer type's minimum) leaves the range: an overflow error.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Abs.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Abs;

impl Kernel for Abs {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Abs, Some(Func::Abs), required(inputs, 0, "X")?)?])
    }
}
