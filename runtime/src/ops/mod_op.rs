//! `Mod` — the remainder of `a / b` with numpy broadcasting (opsets 10, 13):
//! `fmod = 1` takes the sign of the dividend (C `fmod`), `fmod = 0` the sign of
//! the divisor (Python `%`). The file is `mod_op.rs` because `mod` is a keyword
//! (see `stem` in transpiler/src/ops/mod.rs).
//!
//! Exact in every domain (`fixed::integer::modulo` on the stored values: the
//! quotient is an integer, so the remainder lies on the same grid); a zero
//! divisor is an error (ONNX gives NaN for floats). ONNX requires `fmod = 1`
//! for floats; cairn also gives reals the floored remainder for `fmod = 0`.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Mod.html>

use super::elementwise::{binary, BinaryFn};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mod {
    pub fmod: bool,
}

impl BinaryFn for Mod {
    const NAME: &'static str = "Mod";

    fn apply<B: Arith>(&self, ar: &B, a: B::Elem, b: B::Elem) -> Result<B::Elem, ArithError> {
        ar.modulo(a, b, self.fmod)
    }
}

impl Kernel for Mod {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        Ok(vec![binary(ar, self, required(inputs, 0, "A")?, required(inputs, 1, "B")?)?])
    }
}
