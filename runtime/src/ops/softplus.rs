//! `Softplus` — ln(1 + e^x) (opsets 1, 22).
//!
//! Fixed point: `fixed::ln::softplus` = max(x, 0) + ln(1 + e^-|x|), exponential and logarithm at scale 2^-62, one rounding: error ≤ 2^-(s+1) + 3e-10. Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Softplus.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Softplus;

impl Kernel for Softplus {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Softplus, None, required(inputs, 0, "X")?)?])
    }
}
