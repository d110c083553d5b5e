//! `GatherElements` — `out[p] = data[p with its `axis` coordinate replaced by
//! indices[p]]`: the output has the shape of `indices`, which must have the
//! rank of `data` and, on every other axis, a size no larger than data's
//! (opsets 11, 13). Negative indices count from the end; an index outside
//! `[-dim, dim)` is an error.
//!
//! Exact in every domain (data movement).
//! Spec: <https://onnx.ai/onnx/operators/onnx__GatherElements.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{normalize_axis, strides, unravel};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GatherElements {
    pub axis: i64,
}

/// Index `i` of an axis of size `dim` (negative from the end), or an error
/// naming the axis. Shared with GatherND.
pub(crate) fn resolve_index(i: i64, dim: usize, axis: usize) -> Result<usize, KernelError> {
    let dim = dim as i64;
    let j = if i < 0 { i + dim } else { i };
    if (0..dim).contains(&j) {
        Ok(j as usize)
    } else {
        Err(KernelError::invalid("indices", format!("index {i} is out of range for axis {axis} of size {dim}")))
    }
}

impl Kernel for GatherElements {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let data = required(inputs, 0, "data")?;
        let indices = required(inputs, 1, "indices")?.as_int(1, "indices")?;
        let shape = data.shape();
        let rank = shape.len();
        let axis = normalize_axis(self.axis, rank)?;
        let idx_shape = indices.shape();
        if idx_shape.len() != rank {
            return Err(KernelError::shape(format!(
                "GatherElements: indices of rank {} for data of rank {rank}",
                idx_shape.len()
            )));
        }
        if let Some(a) = (0..rank).find(|&a| a != axis && idx_shape[a] > shape[a]) {
            return Err(KernelError::shape(format!(
                "GatherElements: indices dimension {a} is {} but data's is {}",
                idx_shape[a], shape[a]
            )));
        }
        let st = strides(shape);
        let mut pos = vec![0; rank];
        let map = indices
            .data()
            .iter()
            .enumerate()
            .map(|(p, &i)| {
                unravel(p, idx_shape, &mut pos);
                pos[axis] = resolve_index(i, shape[axis], axis)?;
                Ok(pos.iter().zip(&st).map(|(c, s)| c * s).sum())
            })
            .collect::<Result<Vec<usize>, KernelError>>()?;
        Ok(vec![data.take(idx_shape.to_vec(), &map)?])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;
    use crate::dtype::DType;
    use crate::fixed::Scale;
    use crate::tensor::Tensor;

    #[test]
    fn picks_along_the_axis() {
        let ar = FixedArith::new(Scale::new(8).unwrap());
        let data = Value::Real(Tensor::new(vec![2, 2], vec![1, 2, 3, 4]).unwrap(), DType::F32);
        let idx = Value::Int(Tensor::new(vec![2, 2], vec![0, 0, 1, -2]).unwrap(), DType::I64);
        let k = GatherElements { axis: 1 };
        let out = k.run(&ar, &[Some(&data), Some(&idx)]).unwrap();
        assert_eq!(out, vec![Value::Real(Tensor::new(vec![2, 2], vec![1, 1, 4, 3]).unwrap(), DType::F32)]);
        let bad = Value::Int(Tensor::new(vec![1, 1], vec![2]).unwrap(), DType::I64);
        assert!(k.run(&ar, &[Some(&data), Some(&bad)]).is_err());
    }
}
