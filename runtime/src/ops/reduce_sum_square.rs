//! `ReduceSumSquare` — the sum of `x²` over `axes`, with the axes rules of
//! ReduceSum (`axes` an attribute before opset 18, an input from 18).
//!
//! Fixed point: every square is exact (scale 2s), the sum is exact, and it is
//! rounded once, half up, to scale s: error ≤ 2^-(s+1) against the stored
//! inputs; only the final value can overflow. Integers: exact within the dtype.
//! Spec: <https://onnx.ai/onnx/operators/onnx__ReduceSumSquare.html>

use super::reduce::{run_additive, Finish, ReduceAttrs};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReduceSumSquare {
    pub attrs: ReduceAttrs,
}

impl Finish for ReduceSumSquare {
    fn accumulate<B: Arith>(ar: &B, acc: &mut B::Acc, x: B::Elem) -> Result<(), ArithError> {
        ar.acc_mac(acc, x, x);
        Ok(())
    }

    fn finish<B: Arith>(ar: &B, acc: B::Acc, _count: usize) -> Result<B::Elem, ArithError> {
        ar.acc_finish_dot(acc)
    }
}

impl Kernel for ReduceSumSquare {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        run_additive::<A, Self>(&self.attrs, ar, inputs)
    }
}
