//! `Unsqueeze` — inserts size-1 axes at the listed positions of the output
//! (attribute before opset 13, int64 input `axes` from 13) (opsets 1, 11, 13,
//! 21, 23, 24, 25).
//!
//! Exact in every domain (data movement).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Unsqueeze.html>

use super::{int_list, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::normalize_axes;
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Unsqueeze {
    /// The `axes` attribute of opsets < 13; from 13 on, the second input.
    pub axes_attr: Option<Vec<i64>>,
}

impl Kernel for Unsqueeze {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "data")?;
        let axes = match &self.axes_attr {
            Some(a) => a.clone(),
            None => int_list(inputs, 1, "axes")?.ok_or(KernelError::MissingInput { index: 1, name: "axes" })?,
        };
        let rank = x.shape().len() + axes.len();
        let axes = normalize_axes(&axes, rank)?;
        let mut rest = x.shape().iter();
        let out: Vec<usize> =
            (0..rank).map(|i| if axes.contains(&i) { 1 } else { *rest.next().unwrap_or(&1) }).collect();
        Ok(vec![x.reshape(out)?])
    }
}
