//! `AveragePool` — N-D average pooling with pads, `auto_pad`, strides,
//! dilations, `ceil_mode` and `count_include_pad` (opsets 7, 10, 11, 19, 22).
//! With `count_include_pad = 0` the divisor is the number of in-bounds
//! elements; with 1, the number of window positions inside the padded input.
//!
//! Fixed point: the exact sum divided by the count with one rounding half up
//! (error ≤ 2^-(s+1)).
//! Spec: <https://onnx.ai/onnx/operators/onnx__AveragePool.html>

use super::window::{split_nc, WindowAttrs};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AveragePool {
    pub window: WindowAttrs,
    pub count_include_pad: bool,
}

impl Kernel for AveragePool {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let xv = required(inputs, 0, "X")?;
        let x = xv.as_real(0, "X")?;
        let (n, c, spatial) = split_nc(x.shape(), "AveragePool")?;
        let win = self.window.resolve(&spatial, None)?;
        let taps = win.taps()?;
        let in_sz = win.input_size();
        let mut shape = vec![n, c];
        shape.extend(&win.output);
        let mut data = Vec::with_capacity(n * c * taps.len());
        for nc in 0..n * c {
            let base = nc * in_sz;
            for tap in &taps {
                let mut acc = ar.acc_zero();
                for &(_, i) in &tap.valid {
                    ar.acc_add(&mut acc, x.data()[base + i]);
                }
                let count = if self.count_include_pad { tap.padded_count } else { tap.valid.len() };
                if count == 0 {
                    return Err(KernelError::shape("AveragePool window covers no input element"));
                }
                data.push(ar.acc_finish_mean(acc, count).map_err(at(data.len()))?);
            }
        }
        Ok(vec![Value::Real(Tensor::new(shape, data)?, xv.dtype())])
    }
}
