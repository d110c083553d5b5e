//! `Upsample` (opsets 7 and 9; deprecated by Resize at 10) — Resize with
//! `asymmetric` coordinates (`x_in = x_out / scale`) and nearest rounding
//! down, `scales` an attribute (opset 7) or a constant input (opset 9, read
//! at import). Modes `nearest` and `linear`; semantics and error bounds are
//! Resize's (runtime/src/ops/resize.rs).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Upsample.html>

use super::resize::Resize;
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct Upsample(pub Resize);

impl Kernel for Upsample {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        // Only X is data; the scales were read at import.
        self.0.run(ar, &inputs[..inputs.len().min(1)])
    }
}
