//! `ai.onnx.ml.Scaler` — `Y = (X - offset) · scale` per feature (the last
//! axis); `offset` and `scale` hold one value or one per feature.
//!
//! Fixed point: the offset and scale are quantized at the model scale; the
//! difference is exact (range-checked), the product rounds once. Integer
//! features are converted exactly first; the output is always float.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_Scaler.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::dtype::DType;
use crate::error::{at, KernelError};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct Scaler {
    pub offset: Vec<f64>,
    pub scale: Vec<f64>,
}

/// The value of a per-feature parameter list (one value, or one per feature).
pub(crate) fn per_feature<T: Copy>(values: &[T], feature: usize) -> T {
    values[if values.len() == 1 { 0 } else { feature }]
}

/// Checks a per-feature list against the number of features.
pub(crate) fn check_per_feature(len: usize, features: usize, what: &str) -> Result<(), KernelError> {
    if len == 1 || len == features {
        Ok(())
    } else {
        Err(KernelError::shape(format!("{what} has {len} values for {features} features (needs 1 or {features})")))
    }
}

impl Kernel for Scaler {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        let shape = x.shape().to_vec();
        let features = shape.last().copied().unwrap_or(1);
        check_per_feature(self.offset.len(), features, "offset")?;
        check_per_feature(self.scale.len(), features, "scale")?;
        let offset = super::ml::quantize_all(ar, &self.offset)?;
        let scale = super::ml::quantize_all(ar, &self.scale)?;
        let data: Vec<A::Elem> = match x {
            Value::Real(t, _) => t.data().to_vec(),
            Value::Int(t, _) => t.data().iter().map(|&v| ar.from_int(v)).collect::<Result<_, _>>()?,
        };
        let mut out = Vec::with_capacity(data.len());
        for (i, &v) in data.iter().enumerate() {
            let f = if features == 0 { 0 } else { i % features };
            let d = ar.sub(v, per_feature(&offset, f)).map_err(at(i))?;
            out.push(ar.mul(d, per_feature(&scale, f)).map_err(at(i))?);
        }
        Ok(vec![Value::Real(Tensor::new(shape, out)?, DType::F32)])
    }
}
