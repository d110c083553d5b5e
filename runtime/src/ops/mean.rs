//! `Mean` — the element-wise mean of one or more inputs, broadcast together
//! (opsets 6, 8, 13). Reals only (as in ONNX).
//!
//! Fixed point: the exact sum divided once, rounded half up (`acc_finish_mean`):
//! error ≤ 2^-(s+1).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Mean.html>

use super::elementwise::{variadic_broadcast, variadic_inputs, Variadic};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mean;

impl Kernel for Mean {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        match variadic_inputs(inputs)? {
            Variadic::Real(xs, dt) => {
                let mean = |v: &[A::Elem]| {
                    let mut acc = ar.acc_zero();
                    for &x in v {
                        ar.acc_add(&mut acc, x);
                    }
                    ar.acc_finish_mean(acc, v.len())
                };
                Ok(vec![Value::Real(variadic_broadcast(&xs, mean)?, dt)])
            }
            Variadic::Int(_, dt) => Err(ArithError::UnsupportedType { operation: "Mean", dtype: dt.name() }.into()),
        }
    }
}
