//! `Sign` — -1, 0 or 1 by the sign of x (opsets 9, 13; integers too).
//!
//! Exact: reals give ±2^s or 0.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Sign.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sign;

impl Kernel for Sign {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Sign, Some(Func::Sign), required(inputs, 0, "X")?)?])
    }
}
