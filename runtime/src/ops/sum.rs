//! `Sum` — the element-wise sum of one or more inputs, broadcast together
//! (opsets 6, 8, 13); integers too.
//!
//! Exact: each output is an exact sum (`acc_add`), range-checked once.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Sum.html>

use super::elementwise::{variadic_broadcast, variadic_inputs, Variadic};
use super::{Inputs, Kernel};
use crate::arith::{Arith, IntArith};
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sum;

fn sum<B: Arith>(ar: &B, xs: &[B::Elem]) -> Result<B::Elem, ArithError> {
    let mut acc = ar.acc_zero();
    for &x in xs {
        ar.acc_add(&mut acc, x);
    }
    ar.acc_finish_sum(acc)
}

impl Kernel for Sum {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![match variadic_inputs(inputs)? {
            Variadic::Real(xs, dt) => Value::Real(variadic_broadcast(&xs, |v| sum(ar, v))?, dt),
            Variadic::Int(xs, dt) => {
                let ia = IntArith::new(dt);
                Value::Int(variadic_broadcast(&xs, |v| if A::SHAPE_ONLY { Ok(0) } else { sum(&ia, v) })?, dt)
            }
        }])
    }
}
