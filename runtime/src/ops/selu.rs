//! `Selu` — `gamma · x` for x > 0, `gamma · alpha · (e^x − 1)` otherwise
//! (opsets 6, 22; alpha ≈ 1.6733, gamma ≈ 1.0507 by default).
//!
//! Fixed point: `gamma` and the product `alpha · gamma` (formed in f64 from the
//! attributes) are quantized once at the model scale; x > 0 is a Mul (one
//! rounding), x ≤ 0 Elu's `(αγ)_q · (e^x − 1)` with one rounding: error ≤
//! 2^-(s+1) + |αγ|·2e-10 + the quantization of the constants. Reals only.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Selu.html>

use super::{required, Inputs, Kernel};
use crate::arith::{Arith, Func};
use crate::error::{ArithError, KernelError};
use crate::value::Value;

/// ONNX's default `alpha`, the f32 1.67326319217681884765625 (these digits parse to it exactly).
pub const DEFAULT_ALPHA: f64 = 1.673_263_192_176_818_8;
/// ONNX's default `gamma`, the f32 1.05070102214813232421875.
pub const DEFAULT_GAMMA: f64 = 1.050_701_022_148_132_3;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Selu {
    pub alpha: f64,
    pub gamma: f64,
}

impl Default for Selu {
    fn default() -> Self {
        Selu { alpha: DEFAULT_ALPHA, gamma: DEFAULT_GAMMA }
    }
}

impl Kernel for Selu {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        let Value::Real(t, dt) = x else {
            return Err(ArithError::UnsupportedType { operation: "Selu", dtype: x.dtype().name() }.into());
        };
        let gamma = ar.from_f64(self.gamma)?;
        let neg = Func::Elu { alpha: ar.from_f64(self.alpha * self.gamma)? };
        let zero = ar.zero();
        let y = t.try_map(|&v| if v > zero { ar.mul(v, gamma) } else { ar.func(neg, v) })?;
        Ok(vec![Value::Real(y, *dt)])
    }
}
