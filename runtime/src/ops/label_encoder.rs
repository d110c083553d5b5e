//! `ai.onnx.ml.LabelEncoder` (numeric keys and values) — maps each input
//! value to the value of the equal key, or to the default.
//!
//! Integer keys match integer inputs exactly. Real keys match a stored real
//! input exactly when the key is representable at the model scale
//! (`Arith::bracket`: floor = ceil); an unrepresentable key matches nothing.
//! Real values and the real default are quantized at the model scale.
//! String keys or values are not supported.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_LabelEncoder.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::dtype::DType;
use crate::error::KernelError;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub enum Numbers {
    Ints(Vec<i64>),
    Reals(Vec<f64>),
}

impl Numbers {
    pub fn len(&self) -> usize {
        match self {
            Numbers::Ints(v) => v.len(),
            Numbers::Reals(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LabelEncoder {
    pub keys: Numbers,
    /// Same length as `keys`.
    pub values: Numbers,
    /// A one-element list of the values' kind.
    pub default: Numbers,
}

impl Kernel for LabelEncoder {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        if self.keys.len() != self.values.len() {
            return Err(KernelError::invalid(
                "attributes",
                format!("{} keys for {} values", self.keys.len(), self.values.len()),
            ));
        }
        // Position of the key each element equals, if any.
        let positions: Vec<Option<usize>> = match (x, &self.keys) {
            (Value::Int(t, _), Numbers::Ints(keys)) => {
                t.data().iter().map(|v| keys.iter().position(|k| k == v)).collect()
            }
            (Value::Real(t, _), Numbers::Reals(keys)) => {
                let keys: Vec<Option<A::Elem>> = keys
                    .iter()
                    .map(|&k| {
                        let (lo, hi) = ar.bracket(k);
                        (lo == hi).then_some(lo)
                    })
                    .collect();
                t.data().iter().map(|v| keys.iter().position(|k| *k == Some(*v))).collect()
            }
            (x, _) => {
                return Err(KernelError::InputType {
                    index: 0,
                    name: "X",
                    expected: "a tensor of the keys' kind (int64 or float)",
                    actual: x.describe(),
                })
            }
        };
        let shape = x.shape().to_vec();
        Ok(vec![match (&self.values, &self.default) {
            (Numbers::Ints(values), Numbers::Ints(default)) => {
                let d = default.first().copied().unwrap_or(-1);
                let data = positions.iter().map(|p| p.map_or(d, |p| values[p])).collect();
                Value::Int(Tensor::new(shape, data)?, DType::I64)
            }
            (Numbers::Reals(values), Numbers::Reals(default)) => {
                let values = super::ml::quantize_all(ar, values)?;
                let d = ar.from_f64(default.first().copied().unwrap_or(0.0))?;
                let data = positions.iter().map(|p| p.map_or(d, |p| values[p])).collect();
                Value::Real(Tensor::new(shape, data)?, DType::F32)
            }
            _ => return Err(KernelError::invalid("attributes", "the default is not of the values' kind")),
        }])
    }
}
