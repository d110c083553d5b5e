//! `Clip` — `min(max(x, min), max)`; bounds are optional scalar inputs from
//! opset 11 (attributes before). When min > max every output equals max, as the
//! spec's formula gives (opsets 6, 11, 12, 13).
//!
//! Exact in every domain (comparisons); the bounds of a real tensor are
//! quantized at the model scale.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Clip.html>

use super::{optional, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Clip {
    /// Attribute bounds of opsets < 11 (`None` = unbounded).
    pub min_attr: Option<f64>,
    pub max_attr: Option<f64>,
    /// True for opsets < 11, where the bounds are attributes.
    pub legacy: bool,
}

fn scalar<T: Copy>(t: &Tensor<T>, name: &'static str) -> Result<T, KernelError> {
    match t.data() {
        [v] => Ok(*v),
        _ => Err(KernelError::invalid(name, format!("must be a scalar, got shape {:?}", t.shape()))),
    }
}

fn clip<T: Copy + PartialOrd>(t: &Tensor<T>, lo: Option<T>, hi: Option<T>) -> Tensor<T> {
    t.map(|&v| {
        let v = match lo {
            Some(l) if v < l => l,
            _ => v,
        };
        match hi {
            Some(h) if v > h => h,
            _ => v,
        }
    })
}

impl Kernel for Clip {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "input")?;
        let (min, max) = (optional(inputs, 1), optional(inputs, 2));
        Ok(vec![match x {
            Value::Real(t, dt) => {
                let (lo, hi) = if self.legacy {
                    (
                        self.min_attr.map(|v| ar.from_f64(v)).transpose()?,
                        self.max_attr.map(|v| ar.from_f64(v)).transpose()?,
                    )
                } else {
                    (
                        min.map(|v| scalar(v.as_real(1, "min")?, "min")).transpose()?,
                        max.map(|v| scalar(v.as_real(2, "max")?, "max")).transpose()?,
                    )
                };
                Value::Real(clip(t, lo, hi), *dt)
            }
            Value::Int(t, dt) => {
                let lo = min.map(|v| scalar(v.as_int(1, "min")?, "min")).transpose()?;
                let hi = max.map(|v| scalar(v.as_int(2, "max")?, "max")).transpose()?;
                Value::Int(clip(t, lo, hi), *dt)
            }
        }])
    }
}
