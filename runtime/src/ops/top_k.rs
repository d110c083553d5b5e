//! `TopK` — the `k` largest (or, with `largest = 0`, smallest) elements along
//! `axis` and their int64 indices (opsets 1, 10, 11, 24).
//!
//! Order: the outputs are always sorted — largest first (smallest first when
//! `largest = 0`) — and equal values keep ascending index order, the
//! tie-break ONNX specifies. `sorted = 0` allows any order, so the sorted one
//! is a valid answer and cairn gives it in both cases.
//!
//! Exact in every domain (comparisons of stored values, no arithmetic): the
//! fixed-point selection can differ from a float runtime's only where two
//! inputs are within the quantization error of each other.
//! `k` comes from the attribute (opset 1) or the second input (opset ≥ 10);
//! `k` larger than the axis is an error.
//! Spec: <https://onnx.ai/onnx/operators/onnx__TopK.html>

use std::cmp::Ordering;

use super::{int_list, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::dtype::DType;
use crate::error::KernelError;
use crate::shape::{normalize_axis, strides};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TopK {
    pub axis: i64,
    pub largest: bool,
    /// `k` as an attribute (opset 1); `None` reads the second input.
    pub k: Option<i64>,
}

impl Default for TopK {
    fn default() -> Self {
        TopK { axis: -1, largest: true, k: None }
    }
}

impl Kernel for TopK {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        let k = self.k_value(inputs)?;
        Ok(match x {
            Value::Real(t, dtype) => {
                let (values, indices) = self.select(t, k)?;
                vec![Value::Real(values, *dtype), Value::Int(indices, DType::I64)]
            }
            Value::Int(t, dtype) => {
                let (values, indices) = self.select(t, k)?;
                vec![Value::Int(values, *dtype), Value::Int(indices, DType::I64)]
            }
        })
    }
}

impl TopK {
    /// `k` from the attribute or the `K` input (a 1-element int64 tensor).
    pub fn k_value<E: Copy>(&self, inputs: &Inputs<'_, E>) -> Result<usize, KernelError> {
        let k = match self.k {
            Some(k) => k,
            None => match int_list(inputs, 1, "K")?.as_deref() {
                Some([k]) => *k,
                Some(other) => return Err(KernelError::invalid("K", format!("must hold one value, got {other:?}"))),
                None => return Err(KernelError::MissingInput { index: 1, name: "K" }),
            },
        };
        usize::try_from(k).map_err(|_| KernelError::invalid("K", format!("must be ≥ 0, got {k}")))
    }

    /// The values and indices of the selected elements, in output order.
    fn select<T: Copy + PartialOrd>(&self, t: &Tensor<T>, k: usize) -> Result<(Tensor<T>, Tensor<i64>), KernelError> {
        let axis = normalize_axis(self.axis, t.rank())?;
        let dim = t.shape()[axis];
        if k > dim {
            return Err(KernelError::invalid("K", format!("{k} exceeds the axis length {dim}")));
        }
        let stride = strides(t.shape())[axis];
        let outer: usize = t.shape()[..axis].iter().product();
        let mut out_shape = t.shape().to_vec();
        out_shape[axis] = k;
        let out_len: usize = out_shape.iter().product();
        let (mut values, mut indices) = (Vec::with_capacity(out_len), Vec::with_capacity(out_len));
        // Output element (o, j, s) for outer block o, rank j, inner offset s.
        let mut lanes: Vec<Vec<usize>> = Vec::with_capacity(outer * stride);
        for o in 0..outer {
            for s in 0..stride {
                let base = o * dim * stride + s;
                let mut lane: Vec<usize> = (0..dim).collect();
                lane.sort_by(|&a, &b| self.order(t.data()[base + a * stride], a, t.data()[base + b * stride], b));
                lane.truncate(k);
                lanes.push(lane);
            }
        }
        for (o, block) in lanes.chunks(stride.max(1)).enumerate() {
            for j in 0..k {
                for (s, lane) in block.iter().enumerate() {
                    let pos = lane[j];
                    values.push(t.data()[o * dim * stride + s + pos * stride]);
                    indices.push(pos as i64);
                }
            }
        }
        Ok((Tensor::new(out_shape.clone(), values)?, Tensor::new(out_shape, indices)?))
    }

    /// Output order of two elements (value, position): the preferred value
    /// first, ties by ascending position.
    fn order<T: PartialOrd>(&self, va: T, a: usize, vb: T, b: usize) -> Ordering {
        let by_value = if self.largest { vb.partial_cmp(&va) } else { va.partial_cmp(&vb) };
        match by_value {
            Some(Ordering::Equal) | None => a.cmp(&b),
            Some(ord) => ord,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;

    fn run(k: &TopK, shape: Vec<usize>, data: Vec<i64>, kk: i64) -> Result<Vec<Value<i64>>, KernelError> {
        let x = Value::Int(Tensor::new(shape, data).unwrap(), DType::I64);
        let kv = Value::Int(Tensor::new(vec![1], vec![kk]).unwrap(), DType::I64);
        k.run(&FixedArith::new(crate::fixed::Scale::new(16).unwrap()), &[Some(&x), Some(&kv)])
    }

    #[test]
    fn largest_with_ties_in_index_order() {
        let out = run(&TopK::default(), vec![2, 4], vec![3, 7, 7, 1, -1, -5, -1, 0], 3).unwrap();
        assert_eq!(out[0].as_int(0, "v").unwrap().data(), &[7, 7, 3, 0, -1, -1]);
        assert_eq!(out[1].as_int(1, "i").unwrap().data(), &[1, 2, 0, 3, 0, 2]);
    }

    #[test]
    fn smallest_along_axis_0() {
        let k = TopK { axis: 0, largest: false, k: None };
        let out = run(&k, vec![3, 2], vec![5, 1, -2, 1, 4, 0], 2).unwrap();
        assert_eq!(out[0].as_int(0, "v").unwrap().data(), &[-2, 0, 4, 1]);
        assert_eq!(out[1].as_int(1, "i").unwrap().data(), &[1, 2, 2, 0]);
        assert_eq!(out[0].shape(), &[2, 2]);
    }

    #[test]
    fn k_beyond_the_axis_is_an_error() {
        assert!(matches!(run(&TopK::default(), vec![3], vec![1, 2, 3], 4), Err(KernelError::Invalid { .. })));
        assert!(matches!(run(&TopK::default(), vec![3], vec![1, 2, 3], -1), Err(KernelError::Invalid { .. })));
    }
}
