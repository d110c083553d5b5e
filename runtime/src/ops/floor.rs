//! `Floor` — the largest integer ≤ x (opsets 6, 13).
//!
//! Exact on the stored value: `floor(q / 2^s) · 2^s`. Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Floor.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Floor;

impl Kernel for Floor {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Floor, None, required(inputs, 0, "X")?)?])
    }
}
