//! `ai.onnx.ml.OneHotEncoder` (numeric categories) — appends an axis of
//! `len(cats_int64s)` holding 1.0 at the category of each input value and 0.0
//! elsewhere. Real inputs are truncated to integers first (as onnxruntime
//! casts them). A value outside the categories gives a row of zeros, or an
//! error when `zeros = 0`. Exact.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_OneHotEncoder.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::dtype::DType;
use crate::error::KernelError;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneHotEncoder {
    pub categories: Vec<i64>,
    /// `zeros = 1`: unknown values give zeros; `0`: they are an error.
    pub zeros: bool,
}

impl Kernel for OneHotEncoder {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        let values: Vec<Option<i64>> = match x {
            // Shape inference carries no (or placeholder) values.
            _ if A::SHAPE_ONLY => vec![None; x.shape().iter().product()],
            Value::Real(t, _) => t.data().iter().map(|&v| ar.to_int_trunc(v).map(Some)).collect::<Result<_, _>>()?,
            Value::Int(t, _) => t.data().iter().map(|&v| Some(v)).collect(),
        };
        let k = self.categories.len();
        let (one, zero) = (ar.from_f64(1.0)?, ar.zero());
        let mut out = vec![zero; values.len() * k];
        for (i, v) in values.iter().enumerate() {
            let Some(v) = v else { continue };
            match self.categories.iter().position(|c| c == v) {
                Some(j) => out[i * k + j] = one,
                None if self.zeros => {}
                None => {
                    return Err(KernelError::invalid("input", format!("value {v} is not one of the categories")));
                }
            }
        }
        let mut shape = x.shape().to_vec();
        shape.push(k);
        Ok(vec![Value::Real(Tensor::new(shape, out)?, DType::F32)])
    }
}
