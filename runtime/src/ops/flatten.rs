//! `Flatten` — reshape to 2-D `[d0·…·d(axis-1), d(axis)·…·d(n-1)]`, axis in
//! `[-r, r]`, default 1 (opsets 1, 9, 11, 13, 21, 23, 24, 25).
//!
//! Exact in every domain (data movement).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Flatten.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flatten {
    pub axis: i64,
}

impl Default for Flatten {
    fn default() -> Self {
        Flatten { axis: 1 }
    }
}

impl Kernel for Flatten {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "input")?;
        let r = x.shape().len() as i64;
        let axis = if self.axis < 0 { self.axis + r } else { self.axis };
        if !(0..=r).contains(&axis) {
            return Err(KernelError::invalid("axis", format!("{} is out of range for rank {r}", self.axis)));
        }
        let (outer, inner) = x.shape().split_at(axis as usize);
        Ok(vec![x.reshape(vec![outer.iter().product(), inner.iter().product()])?])
    }
}
