//! `Concat` — joins tensors of equal rank along `axis`; all other dimensions
//! must match (opsets 4, 11, 13).
//!
//! Exact in every domain (data movement).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Concat.html>

use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::normalize_axis;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Concat {
    pub axis: i64,
}

impl Kernel for Concat {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let values: Vec<&Value<A::Elem>> = inputs.iter().flatten().copied().collect();
        let Some(first) = values.first() else {
            return Err(KernelError::MissingInput { index: 0, name: "inputs" });
        };
        let rank = first.shape().len();
        let axis = normalize_axis(self.axis, rank)?;
        let mut shape = first.shape().to_vec();
        shape[axis] = 0;
        for v in &values {
            let s = v.shape();
            let same_rest = s.len() == rank && (0..rank).all(|i| i == axis || s[i] == first.shape()[i]);
            if !same_rest {
                return Err(KernelError::shape(format!(
                    "Concat on axis {axis}: shapes {:?} and {s:?} differ elsewhere",
                    first.shape()
                )));
            }
            shape[axis] += s[axis];
        }
        match first {
            Value::Real(_, dt) => {
                let ts =
                    values.iter().enumerate().map(|(i, v)| v.as_real(i, "inputs")).collect::<Result<Vec<_>, _>>()?;
                Ok(vec![Value::Real(concat(&ts, axis, shape)?, *dt)])
            }
            Value::Int(_, dt) => {
                let ts =
                    values.iter().enumerate().map(|(i, v)| v.as_int(i, "inputs")).collect::<Result<Vec<_>, _>>()?;
                Ok(vec![Value::Int(concat(&ts, axis, shape)?, *dt)])
            }
        }
    }
}

fn concat<T: Copy>(ts: &[&Tensor<T>], axis: usize, shape: Vec<usize>) -> Result<Tensor<T>, KernelError> {
    let outer: usize = shape[..axis].iter().product();
    let inner: usize = shape[axis + 1..].iter().product();
    let mut data = Vec::with_capacity(outer * shape[axis] * inner);
    for o in 0..outer {
        for t in ts {
            let chunk = t.shape()[axis] * inner;
            data.extend_from_slice(&t.data()[o * chunk..(o + 1) * chunk]);
        }
    }
    Tensor::new(shape, data)
}
