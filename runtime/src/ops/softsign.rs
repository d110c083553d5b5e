//! `Softsign` — x / (1 + |x|) (opsets 1, 22).
//!
//! Fixed point: one division rounded half up, `div_round(x · 2^s, 2^s + |x|)`: error ≤ 2^-(s+1). Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Softsign.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Softsign;

impl Kernel for Softsign {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Softsign, None, required(inputs, 0, "X")?)?])
    }
}
