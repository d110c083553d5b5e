//! `Dropout` in inference — the output is the input and the optional `mask`
//! output is all true (opsets 7, 10, 12, 13, 22; 6 with `is_test = 1`). In
//! training mode Dropout zeroes random elements, which a deterministic,
//! provable evaluation cannot reproduce: a `training_mode` input that is true
//! is an error (code generation also requires it to be a constant). `ratio`
//! (attribute or input) and `seed` only matter in training and are ignored.
//!
//! Exact in every domain.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Dropout.html>

use super::{optional, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::dtype::DType;
use crate::error::KernelError;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Dropout;

/// Whether the optional `training_mode` input (index 2) asks for training.
pub fn training<E: Copy>(inputs: &Inputs<'_, E>) -> Result<bool, KernelError> {
    match optional(inputs, 2) {
        None => Ok(false),
        Some(t) => Ok(t.as_int(2, "training_mode")?.data().iter().any(|&v| v != 0)),
    }
}

impl Kernel for Dropout {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "data")?;
        if training(inputs)? {
            return Err(KernelError::Unsupported(
                "Dropout in training mode drops random elements, which a proof cannot reproduce; \
                 only inference (training_mode false or absent) is supported"
                    .into(),
            ));
        }
        let mask = Tensor::new(x.shape().to_vec(), vec![1; x.len()])?;
        Ok(vec![x.clone(), Value::Int(mask, DType::Bool)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;
    use crate::fixed::Scale;

    #[test]
    fn inference_passes_through_and_training_is_refused() {
        let ar = FixedArith::new(Scale::new(8).unwrap());
        let x = Value::Real(Tensor::new(vec![2], vec![3, -5]).unwrap(), DType::F32);
        let off = Value::Int(Tensor::scalar(0), DType::Bool);
        let out = Dropout.run(&ar, &[Some(&x), None, Some(&off)]).unwrap();
        assert_eq!(out, vec![x.clone(), Value::Int(Tensor::new(vec![2], vec![1, 1]).unwrap(), DType::Bool)]);
        let on = Value::Int(Tensor::scalar(1), DType::Bool);
        assert!(Dropout.run(&ar, &[Some(&x), None, Some(&on)]).is_err());
    }
}
