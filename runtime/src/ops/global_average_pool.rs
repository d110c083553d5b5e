//! `GlobalAveragePool` — the mean over all spatial axes of `[N, C, D...]`,
//! giving `[N, C, 1, ...]` (opsets 1, 22).
//!
//! Fixed point: exact sum, one division with rounding half up (≤ 2^-(s+1)).
//! Spec: <https://onnx.ai/onnx/operators/onnx__GlobalAveragePool.html>

use super::window::split_nc;
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GlobalAveragePool;

impl Kernel for GlobalAveragePool {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let xv = required(inputs, 0, "X")?;
        let x = xv.as_real(0, "X")?;
        let (n, c, spatial) = split_nc(x.shape(), "GlobalAveragePool")?;
        let size: usize = spatial.iter().product();
        if size == 0 {
            return Err(KernelError::shape("GlobalAveragePool over an empty spatial extent"));
        }
        let mut data = Vec::with_capacity(n * c);
        for (i, chunk) in x.data().chunks(size).enumerate() {
            let mut acc = ar.acc_zero();
            for &v in chunk {
                ar.acc_add(&mut acc, v);
            }
            data.push(ar.acc_finish_mean(acc, size).map_err(at(i))?);
        }
        let mut shape = vec![n, c];
        shape.extend(std::iter::repeat_n(1, spatial.len()));
        Ok(vec![Value::Real(Tensor::new(shape, data)?, xv.dtype())])
    }
}
