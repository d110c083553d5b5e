//! `ai.onnx.ml.Imputer` — replaces every feature equal to `replaced_value_*`
//! by the imputed value of its column (one value, or one per feature).
//!
//! Fixed point has no NaN, so with the exporters' usual replaced value NaN
//! the operator is the identity (cairn's inputs are always numbers). A finite
//! replaced value matches a stored input exactly when it is representable at
//! the model scale (`Arith::bracket`: floor = ceil); otherwise nothing equals
//! it. Imputed reals are quantized at the model scale.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_Imputer.html>

use super::scaler::{check_per_feature, per_feature};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub enum Imputed {
    /// `imputed_value_floats` with `replaced_value_float` (NaN: nothing to replace).
    Reals { values: Vec<f64>, replaced: f64 },
    /// `imputed_value_int64s` with `replaced_value_int64`.
    Ints { values: Vec<i64>, replaced: i64 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Imputer {
    pub imputed: Imputed,
}

impl Kernel for Imputer {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        let features = x.shape().last().copied().unwrap_or(1).max(1);
        let out = match (x, &self.imputed) {
            (Value::Real(t, dt), Imputed::Reals { values, replaced }) => {
                check_per_feature(values.len(), features, "imputed_value_floats")?;
                if replaced.is_nan() {
                    x.clone()
                } else {
                    let imputed = super::ml::quantize_all(ar, values)?;
                    let (lo, hi) = ar.bracket(*replaced);
                    let data: Vec<A::Elem> = t
                        .data()
                        .iter()
                        .enumerate()
                        .map(|(i, &v)| if lo == hi && v == lo { per_feature(&imputed, i % features) } else { v })
                        .collect();
                    Value::Real(crate::tensor::Tensor::new(t.shape().to_vec(), data)?, *dt)
                }
            }
            (Value::Int(t, dt), Imputed::Ints { values, replaced }) => {
                check_per_feature(values.len(), features, "imputed_value_int64s")?;
                let data: Vec<i64> = t
                    .data()
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| if v == *replaced { per_feature(values, i % features) } else { v })
                    .collect();
                Value::Int(crate::tensor::Tensor::new(t.shape().to_vec(), data)?, *dt)
            }
            (x, _) => {
                return Err(KernelError::InputType {
                    index: 0,
                    name: "X",
                    expected: "a tensor of the imputed values' kind (floats or int64s)",
                    actual: x.describe(),
                })
            }
        };
        Ok(vec![out])
    }
}
