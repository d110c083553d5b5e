//! `Round` — the nearest integer, ties to even (opsets 11, 22).
//!
//! Exact on the stored value (`fixed::integer::round_half_even`). Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Round.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Round;

impl Kernel for Round {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Round, None, required(inputs, 0, "X")?)?])
    }
}
