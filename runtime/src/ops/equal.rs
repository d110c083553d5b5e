//! `Equal` — `A == B` element-wise with numpy broadcasting, a bool tensor (opsets 7, 11, 13, 19).
//!
//! Exact: reals compare their stored fixed-point values, so the result can
//! differ from a float runtime only for inputs within quantization error of
//! each other; integers compare exactly. String tensors are not representable.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Equal.html>

use super::logic::{compare, Comparison};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Equal;

impl Kernel for Equal {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        compare::<A>(Comparison::Equal, inputs)
    }
}
