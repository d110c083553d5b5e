//! `ReduceL1` — the sum of `|x|` over `axes`, with the axes rules of ReduceSum
//! (`axes` an attribute before opset 18, an input from 18).
//!
//! Exact: `|x|` is accumulated as the exact product `x · (±1)` (so `|−2^63|`
//! needs no intermediate value), the sum is exact and its rescaling divides
//! exactly; only the final value can overflow. Integers: exact within the dtype.
//! Spec: <https://onnx.ai/onnx/operators/onnx__ReduceL1.html>

use super::reduce::{run_additive, Finish, ReduceAttrs};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReduceL1 {
    pub attrs: ReduceAttrs,
}

impl Finish for ReduceL1 {
    fn accumulate<B: Arith>(ar: &B, acc: &mut B::Acc, x: B::Elem) -> Result<(), ArithError> {
        let sign = ar.from_int(if x < ar.zero() { -1 } else { 1 })?;
        ar.acc_mac(acc, x, sign);
        Ok(())
    }

    fn finish<B: Arith>(ar: &B, acc: B::Acc, _count: usize) -> Result<B::Elem, ArithError> {
        ar.acc_finish_dot(acc)
    }
}

impl Kernel for ReduceL1 {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        run_additive::<A, Self>(&self.attrs, ar, inputs)
    }
}
