//! `Erf` — the error function (opsets 9, 13).
//!
//! Fixed point: `fixed::erf::erf` (degree-6 Taylor polynomials on a 1/32 grid, 1 beyond 5), exactly odd: error ≤ 2^-(s+1) + 1.6e-12. Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Erf.html>

use super::elementwise::func;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Erf;

impl Kernel for Erf {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![func(ar, Func::Erf, None, required(inputs, 0, "X")?)?])
    }
}
