//! `HardSwish` — x · max(0, min(1, x/6 + 1/2)) (opsets 14, 22).
//!
//! Fixed point: 0 for x ≤ -3, x for x ≥ 3, else the exact rational `x (x + 3) / 6` rounded half up once: error ≤ 2^-(s+1). Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__HardSwish.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct HardSwish;

impl Kernel for HardSwish {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::HardSwish, None, required(inputs, 0, "X")?)?])
    }
}
