//! `Xor` — logical `A xor B` of two bool tensors with numpy broadcasting
//! (opsets 7). Exact.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Xor.html>

use super::logic::logical;
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Xor;

impl Kernel for Xor {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        logical(inputs, |a, b| a != b)
    }
}
