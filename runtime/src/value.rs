//! A value flowing along a graph edge: a real tensor (elements of the domain
//! being evaluated: fixed-point i64, f32 or shape-only) or an integer tensor
//! (exact i64, the same in every domain).

use crate::dtype::DType;
use crate::error::KernelError;
use crate::tensor::Tensor;

#[derive(Clone, Debug, PartialEq)]
pub enum Value<E> {
    /// A floating-point ONNX tensor, in the evaluation domain's representation.
    Real(Tensor<E>, DType),
    /// An integer or bool ONNX tensor.
    Int(Tensor<i64>, DType),
}

impl<E: Copy> Value<E> {
    pub fn shape(&self) -> &[usize] {
        match self {
            Value::Real(t, _) => t.shape(),
            Value::Int(t, _) => t.shape(),
        }
    }

    pub fn dtype(&self) -> DType {
        match self {
            Value::Real(_, d) | Value::Int(_, d) => *d,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Value::Real(t, _) => t.len(),
            Value::Int(t, _) => t.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Short description for messages: `float32[2, 3]`.
    pub fn describe(&self) -> String {
        format!("{}{:?}", self.dtype(), self.shape())
    }

    /// See [`Tensor::take`]; works for either kind.
    pub fn take(&self, shape: Vec<usize>, map: &[usize]) -> Result<Value<E>, KernelError> {
        Ok(match self {
            Value::Real(t, d) => Value::Real(t.take(shape, map)?, *d),
            Value::Int(t, d) => Value::Int(t.take(shape, map)?, *d),
        })
    }

    /// Same data under a new shape of equal size.
    pub fn reshape(&self, shape: Vec<usize>) -> Result<Value<E>, KernelError> {
        Ok(match self {
            Value::Real(t, d) => Value::Real(t.clone().reshape(shape)?, *d),
            Value::Int(t, d) => Value::Int(t.clone().reshape(shape)?, *d),
        })
    }

    /// The integer tensor, or an error naming the input.
    pub fn as_int(&self, index: usize, name: &'static str) -> Result<&Tensor<i64>, KernelError> {
        match self {
            Value::Int(t, _) => Ok(t),
            Value::Real(..) => {
                Err(KernelError::InputType { index, name, expected: "an integer tensor", actual: self.describe() })
            }
        }
    }

    /// The real tensor, or an error naming the input.
    pub fn as_real(&self, index: usize, name: &'static str) -> Result<&Tensor<E>, KernelError> {
        match self {
            Value::Real(t, _) => Ok(t),
            Value::Int(..) => Err(KernelError::InputType {
                index,
                name,
                expected: "a floating-point tensor",
                actual: self.describe(),
            }),
        }
    }
}
