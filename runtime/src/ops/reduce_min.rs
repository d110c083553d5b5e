//! `ReduceMin` — the smallest element over `axes` (all axes when absent, the
//! identity when absent and `noop_with_empty_axes = 1`), keeping reduced axes
//! as size 1 when `keepdims = 1` (the default). `axes` is an attribute
//! before opset 18, an int64 input from 18 (opsets 1, 11, 12, 13, 18, 20).
//!
//! Exact in every domain (a comparison of stored values, no rounding): the
//! fixed-point result can differ from a float runtime's only by the
//! quantization of the selected input. Over no elements ONNX gives +inf for
//! reals, which fixed point cannot represent (an error), and the type's
//! maximum for integer and bool tensors.
//! Spec: <https://onnx.ai/onnx/operators/onnx__ReduceMin.html>

use super::reduce::{run_extremum, ReduceAttrs};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReduceMin {
    pub attrs: ReduceAttrs,
}

impl Kernel for ReduceMin {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        run_extremum::<A>(&self.attrs, false, inputs)
    }
}
