//! `Squeeze` — removes size-1 axes: those listed (attribute before opset 13,
//! int64 input `axes` from 13), or all of them (opsets 1, 11, 13, 21, 23, 24, 25).
//! A listed axis whose size is not 1 is an error.
//!
//! Exact in every domain (data movement).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Squeeze.html>

use super::{int_list, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::normalize_axes;
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Squeeze {
    /// The `axes` attribute of opsets < 13; from 13 on, the second input.
    pub axes_attr: Option<Vec<i64>>,
}

impl Kernel for Squeeze {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "data")?;
        let axes = match &self.axes_attr {
            Some(a) => Some(a.clone()),
            None => int_list(inputs, 1, "axes")?,
        };
        let shape = x.shape();
        let out: Vec<usize> = match axes {
            None => shape.iter().copied().filter(|&d| d != 1).collect(),
            Some(axes) => {
                let axes = normalize_axes(&axes, shape.len())?;
                if let Some(&a) = axes.iter().find(|&&a| shape[a] != 1) {
                    return Err(KernelError::invalid(
                        "axes",
                        format!("axis {a} of {shape:?} has size {}, not 1", shape[a]),
                    ));
                }
                shape.iter().enumerate().filter(|(i, _)| !axes.contains(i)).map(|(_, &d)| d).collect()
            }
        };
        Ok(vec![x.reshape(out)?])
    }
}
