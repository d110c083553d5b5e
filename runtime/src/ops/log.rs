//! `Log` — the natural logarithm (opsets 6, 13).
//!
//! Fixed point: `fixed::ln::ln` (normalization, a 256-entry table, a quartic): error ≤ 2^-(s+1) + 2e-13. x ≤ 0 is a domain error (ONNX gives -inf/NaN). Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Log.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Log;

impl Kernel for Log {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Log, None, required(inputs, 0, "X")?)?])
    }
}
