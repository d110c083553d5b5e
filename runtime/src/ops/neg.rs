//! `Neg` — -x, element-wise (opsets 6, 13; signed integers too).
//!
//! Exact in every domain; -(-2^63) (or an integer type's minimum, or a non-zero unsigned value) leaves the range: an overflow error.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Neg.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Neg;

impl Kernel for Neg {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Neg, Some(Func::Neg), required(inputs, 0, "X")?)?])
    }
}
