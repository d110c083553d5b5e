//! `InstanceNormalization` — each channel of each batch entry of `X [N, C, ..]`
//! normalized over its spatial elements:
//! `y = scale[c]·(x − mean)/sqrt(var + ε) + B[c]`. Fixed point exactly as
//! LayerNormalization (`layer_normalization.rs`).
//! Spec: <https://onnx.ai/onnx/operators/onnx__InstanceNormalization.html>

use super::layer_normalization::{normalize, Rows};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InstanceNormalization {
    pub epsilon: f64,
}

impl Kernel for InstanceNormalization {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let xv = required(inputs, 0, "X")?;
        let x = xv.as_real(0, "X")?;
        if x.rank() < 3 {
            return Err(KernelError::shape(format!("InstanceNormalization needs X of rank ≥ 3, got {:?}", x.shape())));
        }
        let c = x.shape()[1];
        let spatial: usize = x.shape()[2..].iter().product();
        if spatial == 0 {
            return Err(KernelError::shape("InstanceNormalization over zero elements"));
        }
        let mut params = Vec::with_capacity(2);
        for (i, name) in [(1, "scale"), (2, "B")] {
            let t = required(inputs, i, name)?.as_real(i, name)?;
            if t.shape() != [c] {
                return Err(KernelError::shape(format!("{name} must have shape [{c}], got {:?}", t.shape())));
            }
            params.push(t.data());
        }
        let rows = Rows { n: spatial, groups: c, block: spatial };
        let (y, _, _) = normalize(ar, x.data(), rows, params[0], Some(params[1]), self.epsilon)?;
        Ok(vec![Value::Real(Tensor::new(x.shape().to_vec(), y)?, xv.dtype())])
    }
}
