//! `GatherND` — slices of `data` addressed by the last axis of `indices`
//! (opsets 11, 12, 13): with `b = batch_dims` and `k` = the last dimension of
//! `indices`, the first `b` axes of both are batch axes (equal sizes), every
//! other index tuple `indices[batch, t, :]` picks the slab
//! `data[batch, i_0, .., i_{k-1}, ...]` of shape `data.shape[b+k:]`; the
//! output shape is `indices.shape[:-1] + data.shape[b+k:]`. Negative indices
//! count from the end; an index out of range is an error.
//!
//! Exact in every domain (data movement).
//! Spec: <https://onnx.ai/onnx/operators/onnx__GatherND.html>

use super::gather_elements::resolve_index;
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{checked_numel, strides};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GatherND {
    pub batch_dims: i64,
}

impl Kernel for GatherND {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let data = required(inputs, 0, "data")?;
        let indices = required(inputs, 1, "indices")?.as_int(1, "indices")?;
        let (shape, idx_shape) = (data.shape(), indices.shape());
        let g = geometry(shape, idx_shape, self.batch_dims)?;
        let st = strides(shape);
        let block: usize = shape[g.b..].iter().product();
        let mut map = Vec::with_capacity(checked_numel(&g.out_shape)?);
        for (n, tuple) in indices.data().chunks(g.k.max(1)).take(g.batches * g.tuples).enumerate() {
            let mut base = (n / g.tuples) * block;
            for (j, &i) in tuple.iter().enumerate().take(g.k) {
                let axis = g.b + j;
                base += resolve_index(i, shape[axis], axis)? * st[axis];
            }
            map.extend(base..base + g.slab);
        }
        Ok(vec![data.take(g.out_shape, &map)?])
    }
}

/// The sizes a GatherND works with, checked.
struct Geometry {
    b: usize,
    k: usize,
    /// Number of batches and of index tuples per batch.
    batches: usize,
    tuples: usize,
    /// Elements of each gathered slab.
    slab: usize,
    out_shape: Vec<usize>,
}

fn geometry(shape: &[usize], idx_shape: &[usize], batch_dims: i64) -> Result<Geometry, KernelError> {
    let bad = |msg: String| Err(KernelError::shape(format!("GatherND: {msg}")));
    let (r, q) = (shape.len(), idx_shape.len());
    if q == 0 || r == 0 {
        return bad("data and indices must have rank ≥ 1".into());
    }
    let b = match usize::try_from(batch_dims) {
        Ok(b) if b < q.min(r) => b,
        _ => return bad(format!("batch_dims {batch_dims} must be in [0, min(rank(data), rank(indices)))")),
    };
    if shape[..b] != idx_shape[..b] {
        return bad(format!("batch dimensions differ: {:?} and {:?}", &shape[..b], &idx_shape[..b]));
    }
    let k = idx_shape[q - 1];
    if k < 1 || b + k > r {
        return bad(format!("index tuples of length {k} with {b} batch axes for data of rank {r}"));
    }
    let mut out_shape = idx_shape[..q - 1].to_vec();
    out_shape.extend(&shape[b + k..]);
    Ok(Geometry {
        b,
        k,
        batches: shape[..b].iter().product(),
        tuples: idx_shape[b..q - 1].iter().product(),
        slab: shape[b + k..].iter().product(),
        out_shape,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;
    use crate::dtype::DType;
    use crate::fixed::Scale;
    use crate::tensor::Tensor;

    fn run(data: &Value<i64>, idx: Vec<usize>, v: Vec<i64>, b: i64) -> Result<Vec<Value<i64>>, KernelError> {
        let idx = Value::Int(Tensor::new(idx, v).unwrap(), DType::I64);
        GatherND { batch_dims: b }.run(&FixedArith::new(Scale::new(8).unwrap()), &[Some(data), Some(&idx)])
    }

    #[test]
    fn slabs_and_batches() {
        let data = Value::Int(Tensor::new(vec![2, 2, 2], (0..8).collect()).unwrap(), DType::I32);
        // rows [0,1] and [1,0] of the 2x2x2 cube: slabs of 2
        let out = run(&data, vec![2, 2], vec![0, 1, 1, 0], 0).unwrap();
        assert_eq!(out, vec![Value::Int(Tensor::new(vec![2, 2], vec![2, 3, 4, 5]).unwrap(), DType::I32)]);
        // batch_dims 1: batch 0 takes row 1, batch 1 takes row -2 (= 0)
        let out = run(&data, vec![2, 1], vec![1, -2], 1).unwrap();
        assert_eq!(out, vec![Value::Int(Tensor::new(vec![2, 2], vec![2, 3, 4, 5]).unwrap(), DType::I32)]);
        assert!(run(&data, vec![1, 1], vec![2], 0).is_err());
        assert!(run(&data, vec![1, 4], vec![0, 0, 0, 0], 0).is_err());
    }
}
