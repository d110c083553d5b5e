//! `Not` — logical negation of a bool tensor (opset 1). Exact.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Not.html>

use super::logic::{bool_input, bool_value};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Not;

impl Kernel for Not {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = bool_input(inputs, 0, "X")?;
        Ok(vec![bool_value(x.map(|&v| i64::from(v == 0)))])
    }
}
