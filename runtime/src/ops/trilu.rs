//! `Trilu` — the upper (`upper = 1`, the default) or lower triangle of the
//! last two axes of the input, every other element zero (opset 14): element
//! `(i, j)` is kept when `j − i ≥ k` (upper) or `j − i ≤ k` (lower), with `k`
//! the optional int64 scalar input (default 0; any value, even beyond the
//! matrix). Leading axes are a batch. Reals and ints alike.
//!
//! Exact in every domain (data movement).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Trilu.html>

use super::{optional, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trilu {
    pub upper: bool,
}

impl Default for Trilu {
    fn default() -> Self {
        Trilu { upper: true }
    }
}

impl Trilu {
    /// Whether element (i, j) of a matrix stays.
    pub fn keeps(&self, i: usize, j: usize, k: i64) -> bool {
        let d = j as i128 - i as i128;
        if self.upper {
            d >= k as i128
        } else {
            d <= k as i128
        }
    }
}

/// The `k` input: an int64 scalar (a one-element tensor), 0 when absent.
pub fn diagonal<E: Copy>(inputs: &Inputs<'_, E>) -> Result<i64, KernelError> {
    let Some(k) = optional(inputs, 1) else { return Ok(0) };
    match k.as_int(1, "k")?.data() {
        [k] => Ok(*k),
        _ => Err(KernelError::invalid("k", format!("must be a scalar, got shape {:?}", k.shape()))),
    }
}

impl Kernel for Trilu {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "input")?;
        let k = diagonal(inputs)?;
        let shape = x.shape();
        let rank = shape.len();
        if rank < 2 {
            return Err(KernelError::shape(format!("Trilu needs rank ≥ 2, got shape {shape:?}")));
        }
        let (n, m) = (shape[rank - 2], shape[rank - 1]);
        let map: Vec<Option<usize>> = (0..x.len())
            .map(|p| {
                let (i, j) = ((p / m) % n, p % m);
                self.keeps(i, j, k).then_some(p)
            })
            .collect();
        Ok(vec![match x {
            Value::Real(t, d) => Value::Real(t.take_or(shape.to_vec(), &map, ar.zero())?, *d),
            Value::Int(t, d) => Value::Int(t.take_or(shape.to_vec(), &map, 0)?, *d),
        }])
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
    fn triangles_with_offsets() {
        let ar = FixedArith::new(Scale::new(8).unwrap());
        let x = Value::Int(Tensor::new(vec![2, 3], vec![1, 2, 3, 4, 5, 6]).unwrap(), DType::I32);
        let k = Value::Int(Tensor::scalar(1), DType::I64);
        let up = Trilu { upper: true }.run(&ar, &[Some(&x), Some(&k)]).unwrap();
        assert_eq!(up, vec![Value::Int(Tensor::new(vec![2, 3], vec![0, 2, 3, 0, 0, 6]).unwrap(), DType::I32)]);
        let low = Trilu { upper: false }.run(&ar, &[Some(&x)]).unwrap();
        assert_eq!(low, vec![Value::Int(Tensor::new(vec![2, 3], vec![1, 0, 0, 4, 5, 0]).unwrap(), DType::I32)]);
        let far = Value::Int(Tensor::scalar(i64::MIN), DType::I64);
        let all = Trilu { upper: true }.run(&ar, &[Some(&x), Some(&far)]).unwrap();
        assert_eq!(all, vec![x.clone()]);
    }
}
