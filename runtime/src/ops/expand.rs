//! `Expand` — broadcasts the input to a shape, numpy-style in both directions:
//! the output shape is the broadcast of the input's shape and `shape` (a
//! dimension 1 in `shape` keeps the input's), so it can be larger than
//! `shape` (opsets 8, 13).
//!
//! Exact (data movement). The code generator needs `shape` as a constant.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Expand.html>

use super::{int_list, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{broadcast_map, broadcast_shapes, to_dims};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Expand;

impl Kernel for Expand {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "input")?;
        let shape = int_list(inputs, 1, "shape")?.ok_or(KernelError::MissingInput { index: 1, name: "shape" })?;
        let out = broadcast_shapes(x.shape(), &to_dims(&shape, "Expand shape")?)?;
        let map = broadcast_map(x.shape(), &out)?;
        Ok(vec![x.take(out, &map)?])
    }
}
