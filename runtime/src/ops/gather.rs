//! `Gather` — picks entries of `data` along `axis` by the integer `indices`
//! (negative ones count from the end); the output shape is
//! `data[:axis] + indices + data[axis+1:]` (opsets 1, 11, 13). An index out of
//! range is an error.
//!
//! Exact in every domain (data movement).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Gather.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{checked_numel, normalize_axis};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Gather {
    pub axis: i64,
}

impl Kernel for Gather {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let data = required(inputs, 0, "data")?;
        let indices = required(inputs, 1, "indices")?.as_int(1, "indices")?;
        let shape = data.shape();
        let axis = normalize_axis(self.axis, shape.len())?;
        let dim = shape[axis] as i64;
        let resolved = indices
            .data()
            .iter()
            .map(|&i| {
                let j = if i < 0 { i + dim } else { i };
                if (0..dim).contains(&j) {
                    Ok(j as usize)
                } else {
                    Err(KernelError::invalid(
                        "indices",
                        format!("index {i} is out of range for axis {axis} of size {dim}"),
                    ))
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        let outer: usize = shape[..axis].iter().product();
        let inner: usize = shape[axis + 1..].iter().product();
        let mut out_shape = shape[..axis].to_vec();
        out_shape.extend(indices.shape());
        out_shape.extend(&shape[axis + 1..]);
        let mut map = Vec::with_capacity(checked_numel(&out_shape)?);
        for o in 0..outer {
            for &j in &resolved {
                let base = (o * shape[axis] + j) * inner;
                map.extend(base..base + inner);
            }
        }
        Ok(vec![data.take(out_shape, &map)?])
    }
}
