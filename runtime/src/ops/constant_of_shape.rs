//! `ConstantOfShape` — a tensor of the shape given by the int64 input, every
//! element the one-element `value` attribute (default float32 0) (opsets 9,
//! 20, 21, 23, 24, 25).
//!
//! Fixed point: a real value is quantized at the model scale like any
//! constant (an overflow is an error). The transpiler folds the node when the
//! shape is a constant (the usual `Shape → ConstantOfShape` chain folds
//! entirely); the code generator needs it constant otherwise.
//! Spec: <https://onnx.ai/onnx/operators/onnx__ConstantOfShape.html>

use super::{int_list, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::literal::Literal;
use crate::shape::{checked_numel, to_dims};
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct ConstantOfShape {
    /// One element.
    pub value: Literal,
}

impl Kernel for ConstantOfShape {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let dims = int_list(inputs, 0, "input")?.ok_or(KernelError::MissingInput { index: 0, name: "input" })?;
        let dims = to_dims(&dims, "ConstantOfShape shape")?;
        let v = self.value.to_value(ar)?;
        if v.len() != 1 {
            return Err(KernelError::invalid("value", format!("must hold one element, got {}", v.describe())));
        }
        let n = checked_numel(&dims)?;
        Ok(vec![v.take(dims, &vec![0; n])?])
    }
}
