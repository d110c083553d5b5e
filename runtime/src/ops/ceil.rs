//! `Ceil` — the smallest integer ≥ x (opsets 6, 13).
//!
//! Exact on the stored value (`-floor(-x)`); a result of 2^63 ulps or more is an overflow error. Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Ceil.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Ceil;

impl Kernel for Ceil {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Ceil, None, required(inputs, 0, "X")?)?])
    }
}
