//! `ai.onnx.ml.Binarizer` — `Y = 1` where `X > threshold`, else 0, in X's type.
//!
//! Fixed point: `x > t ⇔ x > ⌊t⌋` for every representable x (`Arith::bracket`),
//! so the result equals the float comparison of the stored input; it differs
//! from the comparison of the original float only when quantizing the input
//! crossed the threshold (within half a quantum of it).
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_Binarizer.html>

use super::{required, Inputs, Kernel};
use crate::arith::{Arith, IntArith};
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Binarizer {
    pub threshold: f64,
}

impl Kernel for Binarizer {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        Ok(vec![match x {
            Value::Real(t, dt) => {
                let (floor, _) = ar.bracket(self.threshold);
                let (one, zero) = (ar.from_f64(1.0)?, ar.zero());
                Value::Real(t.map(|&v| if v > floor { one } else { zero }), *dt)
            }
            Value::Int(t, dt) => {
                let (floor, _) = IntArith::new(*dt).bracket(self.threshold);
                Value::Int(t.map(|&v| i64::from(v > floor)), *dt)
            }
        }])
    }
}
