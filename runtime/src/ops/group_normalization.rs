//! `GroupNormalization` — the channels of `X [N, C, ..]` split into
//! `num_groups` groups, each group of each batch entry normalized over its
//! channels and spatial elements, then `scale`/`bias` applied per channel
//! (opset 21) or per group (opset 18):
//! `y = scale·(x − mean)/sqrt(var + ε) + bias`. Fixed point exactly as
//! LayerNormalization (`layer_normalization.rs`).
//! Spec: <https://onnx.ai/onnx/operators/onnx__GroupNormalization.html>

use super::layer_normalization::{normalize, Rows};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupNormalization {
    pub epsilon: f64,
    pub groups: usize,
    /// Opset 21's per-channel scale and bias (opset 18: one per group).
    pub per_channel: bool,
}

impl Kernel for GroupNormalization {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let xv = required(inputs, 0, "X")?;
        let x = xv.as_real(0, "X")?;
        if x.rank() < 2 {
            return Err(KernelError::shape(format!("GroupNormalization needs X of rank ≥ 2, got {:?}", x.shape())));
        }
        let (c, g) = (x.shape()[1], self.groups);
        if g == 0 || c % g != 0 {
            return Err(KernelError::invalid("num_groups", format!("{g} groups do not divide {c} channels")));
        }
        let spatial: usize = x.shape()[2..].iter().product();
        let n = (c / g) * spatial;
        if n == 0 {
            return Err(KernelError::shape("GroupNormalization over zero elements"));
        }
        let want = if self.per_channel { c } else { g };
        let mut params = Vec::with_capacity(2);
        for (i, name) in [(1, "scale"), (2, "bias")] {
            let t = required(inputs, i, name)?.as_real(i, name)?;
            if t.shape() != [want] {
                return Err(KernelError::shape(format!("{name} must have shape [{want}], got {:?}", t.shape())));
            }
            params.push(t.data());
        }
        let rows = Rows { n, groups: g, block: if self.per_channel { spatial } else { n } };
        let (y, _, _) = normalize(ar, x.data(), rows, params[0], Some(params[1]), self.epsilon)?;
        Ok(vec![Value::Real(Tensor::new(x.shape().to_vec(), y)?, xv.dtype())])
    }
}
