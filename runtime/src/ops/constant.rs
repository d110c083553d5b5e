//! `Constant` — a tensor held in the node's attribute (`value`, or the
//! `value_float(s)` / `value_int(s)` forms, converted when importing)
//! (opsets 1, 9, 11, 12, 13, 19, 21, 23, 24, 25).
//!
//! Fixed point: real values are quantized at the model scale, exactly like
//! initializers (round half away from zero; an overflow error names the index).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Constant.html>

use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::literal::Literal;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct Constant {
    pub value: Literal,
}

impl Kernel for Constant {
    fn run<A: Arith>(&self, ar: &A, _inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![self.value.to_value(ar)?])
    }
}
