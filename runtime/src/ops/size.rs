//! `Size` — the number of elements of the input, an int64 scalar (opsets 1,
//! 13, 19, 21, 23, 24, 25). Exact. The transpiler folds it into a constant,
//! since every shape is known when a model is transpiled.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Size.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::dtype::DType;
use crate::error::KernelError;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size;

impl Kernel for Size {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let n = required(inputs, 0, "data")?.len();
        let n = i64::try_from(n).map_err(|_| KernelError::shape(format!("{n} elements do not fit in int64")))?;
        Ok(vec![Value::Int(Tensor::scalar(n), DType::I64)])
    }
}
