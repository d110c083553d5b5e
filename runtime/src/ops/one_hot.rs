//! `OneHot` — for integer `indices`, a new axis of size `depth` (a scalar
//! input) at `axis` (default -1, in `[-r-1, r]` for indices of rank r):
//! `out[.., d, ..] = values[1]` (on) where the index equals d, else
//! `values[0]` (off); `values` is a two-element tensor whose type the output
//! takes (opsets 9, 11). Negative indices count from the end (`i + depth`);
//! indices outside `[-depth, depth)` give an all-off row, as ONNX specifies.
//! `depth` must be an integer known at transpile time (it sets the output
//! shape); real `depth` or real `indices` are refused.
//!
//! Exact in every domain (data movement from `values`).
//! Spec: <https://onnx.ai/onnx/operators/onnx__OneHot.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{checked_numel, normalize_axis};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OneHot {
    pub axis: i64,
}

impl Default for OneHot {
    fn default() -> Self {
        OneHot { axis: -1 }
    }
}

/// Whether index `i` selects position `d` of an axis of size `depth`
/// (`i` or `i + depth` equals `d`; out-of-range indices select nothing).
pub fn selects(i: i64, d: usize, depth: usize) -> bool {
    let (i, d, depth) = (i as i128, d as i128, depth as i128);
    i == d || i + depth == d
}

impl Kernel for OneHot {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let indices = required(inputs, 0, "indices")?.as_int(0, "indices")?;
        let depth = match required(inputs, 1, "depth")?.as_int(1, "depth")?.data() {
            [d] if *d >= 1 => *d as usize,
            other => return Err(KernelError::invalid("depth", format!("must be one positive integer, got {other:?}"))),
        };
        let values = required(inputs, 2, "values")?;
        if values.len() != 2 {
            return Err(KernelError::invalid("values", format!("must hold [off, on], got shape {:?}", values.shape())));
        }
        let rank = indices.rank();
        let axis = normalize_axis(self.axis, rank + 1)?;
        let outer: usize = indices.shape()[..axis].iter().product();
        let inner: usize = indices.shape()[axis..].iter().product();
        let mut out_shape = indices.shape()[..axis].to_vec();
        out_shape.push(depth);
        out_shape.extend(&indices.shape()[axis..]);
        let mut map = Vec::with_capacity(checked_numel(&out_shape)?);
        for o in 0..outer {
            for d in 0..depth {
                for i in 0..inner {
                    map.push(usize::from(selects(indices.data()[o * inner + i], d, depth)));
                }
            }
        }
        Ok(vec![values.reshape(vec![2])?.take(out_shape, &map)?])
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
    fn rows_of_on_and_off() {
        let ar = FixedArith::new(Scale::new(8).unwrap());
        let idx = Value::Int(Tensor::new(vec![4], vec![0, -1, 3, 2]).unwrap(), DType::I64);
        let depth = Value::Int(Tensor::scalar(3), DType::I64);
        let values = Value::Int(Tensor::new(vec![2], vec![5, 7]).unwrap(), DType::I32);
        let out = OneHot { axis: -1 }.run(&ar, &[Some(&idx), Some(&depth), Some(&values)]).unwrap();
        let want = vec![7, 5, 5, 5, 5, 7, 5, 5, 5, 5, 5, 7];
        assert_eq!(out, vec![Value::Int(Tensor::new(vec![4, 3], want).unwrap(), DType::I32)]);
        let out = OneHot { axis: 0 }.run(&ar, &[Some(&idx), Some(&depth), Some(&values)]).unwrap();
        let want = vec![7, 5, 5, 5, 5, 5, 5, 5, 5, 7, 5, 7];
        assert_eq!(out, vec![Value::Int(Tensor::new(vec![3, 4], want).unwrap(), DType::I32)]);
        let zero = Value::Int(Tensor::scalar(0), DType::I64);
        assert!(OneHot { axis: -1 }.run(&ar, &[Some(&idx), Some(&zero), Some(&values)]).is_err());
    }
}
