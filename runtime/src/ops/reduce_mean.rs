//! `ReduceMean` — the mean over `axes` (all axes when absent, the identity when
//! absent and `noop_with_empty_axes = 1`), keeping reduced axes as size 1 when
//! `keepdims = 1` (the default). `axes` is an attribute before opset 18, an
//! int64 input from 18.
//!
//! Fixed point: the exact sum divided by the group size with one rounding half up (≤ 2^-(s+1)); a mean over zero elements is an error.
//! Spec: <https://onnx.ai/onnx/operators/onnx__ReduceMean.html>

use super::reduce::{run_additive, Finish, ReduceAttrs};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReduceMean {
    pub attrs: ReduceAttrs,
}

impl Finish for ReduceMean {
    fn finish<B: Arith>(ar: &B, acc: B::Acc, count: usize) -> Result<B::Elem, ArithError> {
        ar.acc_finish_mean(acc, count)
    }
}

impl Kernel for ReduceMean {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        run_additive::<A, Self>(&self.attrs, ar, inputs)
    }
}
