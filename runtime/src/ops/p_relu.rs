//! `PRelu` — x for x ≥ 0, `slope · x` otherwise, the slope broadcast to X's
//! shape (unidirectional broadcasting; opsets 6, 7, 9, 16; 16 adds integers).
//!
//! Fixed point: negative inputs are a Mul with the stored slope (one rounding
//! half up, error ≤ 2^-(s+1)); integers exact within the type.
//! Spec: <https://onnx.ai/onnx/operators/onnx__PRelu.html>

use super::elementwise::{binary, BinaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PRelu;

impl BinaryFn for PRelu {
    const NAME: &'static str = "PRelu";

    fn apply<B: Arith>(&self, ar: &B, x: B::Elem, slope: B::Elem) -> Result<B::Elem, ArithError> {
        if x < ar.zero() {
            ar.mul(x, slope)
        } else {
            Ok(x)
        }
    }
}

impl Kernel for PRelu {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let (x, slope) = (required(inputs, 0, "X")?, required(inputs, 1, "slope")?);
        let y = binary(ar, self, x, slope)?;
        if y.shape() != x.shape() {
            return Err(KernelError::shape(format!(
                "slope of shape {:?} does not broadcast to X's shape {:?}",
                slope.shape(),
                x.shape()
            )));
        }
        Ok(vec![y])
    }
}
