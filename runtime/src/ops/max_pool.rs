//! `MaxPool` — N-D max pooling with pads, `auto_pad`, strides, dilations,
//! `ceil_mode`, and the optional second output `Indices` (flat indices into X,
//! row-major or, with `storage_order = 1`, column-major over the spatial axes)
//! (opsets 1, 8, 10, 11, 12, 22). Padding never wins: only in-bounds elements
//! compete; ties keep the first in window order.
//!
//! Exact in every domain (a selection, no arithmetic).
//! Spec: <https://onnx.ai/onnx/operators/onnx__MaxPool.html>

use super::window::{split_nc, WindowAttrs};
use super::{required, Inputs, Kernel};
use crate::dtype::DType;
use crate::error::KernelError;
use crate::shape::{strides, unravel};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MaxPool {
    pub window: WindowAttrs,
    /// 0 = row-major indices, 1 = column-major.
    pub storage_order: i64,
}

impl Kernel for MaxPool {
    fn run<A: crate::arith::Arith>(
        &self,
        _ar: &A,
        inputs: &Inputs<'_, A::Elem>,
    ) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        let (y, idx) = match x {
            Value::Real(t, dt) => {
                let (y, i) = self.pool(t)?;
                (Value::Real(y, *dt), i)
            }
            Value::Int(t, dt) => {
                let (y, i) = self.pool(t)?;
                (Value::Int(y, *dt), i)
            }
        };
        Ok(vec![y, Value::Int(idx, DType::I64)])
    }
}

impl MaxPool {
    fn pool<T: Copy + PartialOrd>(&self, x: &Tensor<T>) -> Result<(Tensor<T>, Tensor<i64>), KernelError> {
        let (n, c, spatial) = split_nc(x.shape(), "MaxPool")?;
        let win = self.window.resolve(&spatial, None)?;
        let taps = win.taps()?;
        let in_sz = win.input_size();
        let mut shape = vec![n, c];
        shape.extend(&win.output);
        // Column-major index of a spatial position, for storage_order = 1.
        let col_major = |flat: usize| -> usize {
            let mut idx = vec![0; spatial.len()];
            unravel(flat, &spatial, &mut idx);
            let mut rev = spatial.clone();
            rev.reverse();
            let st = strides(&rev);
            idx.iter().rev().zip(&st).map(|(i, s)| i * s).sum()
        };
        let mut data = Vec::with_capacity(n * c * taps.len());
        let mut indices = Vec::with_capacity(n * c * taps.len());
        for nc in 0..n * c {
            let base = nc * in_sz;
            for (o, tap) in taps.iter().enumerate() {
                let mut best: Option<(T, usize)> = None;
                for &(_, i) in &tap.valid {
                    let v = x.data()[base + i];
                    if best.is_none_or(|(b, _)| v > b) {
                        best = Some((v, i));
                    }
                }
                let Some((v, i)) = best else {
                    return Err(KernelError::shape(format!("MaxPool window {o} covers only padding; reduce the pads")));
                };
                data.push(v);
                let spatial_index = if self.storage_order == 1 { col_major(i) } else { i };
                indices.push((base + spatial_index) as i64);
            }
        }
        Ok((Tensor::new(shape.clone(), data)?, Tensor::new(shape, indices)?))
    }
}
