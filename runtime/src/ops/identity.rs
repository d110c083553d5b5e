//! `Identity` — the input, unchanged (opsets 1, 13, 14, 16, 19, 21, 25; tensors only).
//!
//! Exact in every domain.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Identity.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Identity;

impl Kernel for Identity {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![required(inputs, 0, "input")?.clone()])
    }
}
