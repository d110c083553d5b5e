//! `Max` — the element-wise maximum of one or more inputs, broadcast together
//! (opsets 6, 8, 12, 13; 12 adds integers).
//!
//! Exact in every domain (a selection).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Max.html>

use super::elementwise::{variadic_broadcast, variadic_inputs, Variadic};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Max;

/// The first of the maxima (they are equal), so every domain agrees.
fn pick<T: Copy + PartialOrd>(xs: &[T]) -> Result<T, ArithError> {
    let mut best = xs[0];
    for &x in &xs[1..] {
        if x > best {
            best = x;
        }
    }
    Ok(best)
}

impl Kernel for Max {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![match variadic_inputs(inputs)? {
            Variadic::Real(xs, dt) => Value::Real(variadic_broadcast(&xs, pick)?, dt),
            Variadic::Int(xs, dt) => Value::Int(variadic_broadcast(&xs, pick)?, dt),
        }])
    }
}
