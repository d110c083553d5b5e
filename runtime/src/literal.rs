//! A constant tensor as stored in a model (initializers, `Constant` nodes): real
//! values as f64 (exact for every ONNX float type) or integers as i64. It is
//! turned into a [`Value`] of a domain with [`Literal::to_value`], which for the
//! fixed-point domain is where weights are quantized.

use crate::arith::Arith;
use crate::dtype::DType;
use crate::error::KernelError;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub enum LiteralData {
    Real(Vec<f64>),
    Int(Vec<i64>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Literal {
    pub dtype: DType,
    pub shape: Vec<usize>,
    pub data: LiteralData,
}

impl Literal {
    pub fn len(&self) -> usize {
        match &self.data {
            LiteralData::Real(v) => v.len(),
            LiteralData::Int(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Converts into a domain value; a real element that cannot be represented
    /// (overflow, NaN) fails with its flat index.
    pub fn to_value<A: Arith>(&self, ar: &A) -> Result<Value<A::Elem>, KernelError> {
        match &self.data {
            LiteralData::Real(v) => {
                let t = Tensor::new(self.shape.clone(), v.clone())?;
                Ok(Value::Real(t.try_map(|&x| ar.from_f64(x))?, self.dtype))
            }
            LiteralData::Int(v) => Ok(Value::Int(Tensor::new(self.shape.clone(), v.clone())?, self.dtype)),
        }
    }
}
