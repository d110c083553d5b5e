//! `ArgMax` — int64 index of the largest element along `axis`, first or
//! (`select_last_index = 1`) last among ties; `keepdims` as for reductions
//! (opsets 1, 11, 12, 13).
//!
//! Exact in every domain (a comparison, no arithmetic): the fixed-point result
//! can differ from a float runtime's only where two inputs are within the
//! quantization error of each other.
//! Spec: <https://onnx.ai/onnx/operators/onnx__ArgMax.html>

use super::reduce::reduction;
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::dtype::DType;
use crate::error::KernelError;
use crate::shape::{normalize_axis, strides};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArgMax {
    pub axis: i64,
    pub keepdims: bool,
    pub select_last_index: bool,
}

impl Default for ArgMax {
    fn default() -> Self {
        ArgMax { axis: 0, keepdims: true, select_last_index: false }
    }
}

impl Kernel for ArgMax {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "data")?;
        let out = match x {
            Value::Real(t, _) => arg_extremum(t, self.axis, self.keepdims, self.select_last_index, true)?,
            Value::Int(t, _) => arg_extremum(t, self.axis, self.keepdims, self.select_last_index, true)?,
        };
        Ok(vec![Value::Int(out, DType::I64)])
    }
}

/// The index along `axis` of the largest (`max`) or smallest element of each
/// lane, first or (`select_last_index`) last among ties: ArgMax and ArgMin.
pub(crate) fn arg_extremum<T: Copy + PartialOrd>(
    t: &Tensor<T>,
    axis: i64,
    keepdims: bool,
    select_last_index: bool,
    max: bool,
) -> Result<Tensor<i64>, KernelError> {
    let axis = normalize_axis(axis, t.rank())?;
    if t.shape()[axis] == 0 {
        let op = if max { "ArgMax" } else { "ArgMin" };
        return Err(KernelError::shape(format!("{op} over an empty axis")));
    }
    let r = reduction(t.shape(), &[axis], keepdims);
    let stride = strides(t.shape())[axis];
    let dim = t.shape()[axis];
    let mut best: Vec<Option<(T, i64)>> = vec![None; r.out_len];
    for (i, (&v, &o)) in t.data().iter().zip(&r.map).enumerate() {
        let pos = ((i / stride) % dim) as i64;
        let better = match best[o] {
            None => true,
            Some((b, _)) => (if max { v > b } else { v < b }) || (select_last_index && v == b),
        };
        if better {
            best[o] = Some((v, pos));
        }
    }
    Tensor::new(r.out_shape, best.into_iter().map(|b| b.map_or(0, |(_, p)| p)).collect())
}
