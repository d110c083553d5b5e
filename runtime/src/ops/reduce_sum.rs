//! `ReduceSum` — the sum over `axes` (all axes when absent, the identity when
//! absent and `noop_with_empty_axes = 1`), keeping reduced axes as size 1 when
//! `keepdims = 1` (the default). `axes` is an attribute before opset 13, an
//! int64 input from 13.
//!
//! Fixed point: the exact sum; only a result outside ±2^63 ulps is an overflow error (no rounding).
//! Spec: <https://onnx.ai/onnx/operators/onnx__ReduceSum.html>

use super::reduce::{run_additive, Finish, ReduceAttrs};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReduceSum {
    pub attrs: ReduceAttrs,
}

impl Finish for ReduceSum {
    fn finish<B: Arith>(ar: &B, acc: B::Acc, _count: usize) -> Result<B::Elem, ArithError> {
        ar.acc_finish_sum(acc)
    }
}

impl Kernel for ReduceSum {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        run_additive::<A, Self>(&self.attrs, ar, inputs)
    }
}
