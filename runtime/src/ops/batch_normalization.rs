//! `BatchNormalization` (inference) — per channel (axis 1)
//! `y = (x - mean) · a + B` with `a = scale / sqrt(var + epsilon)`
//! (opsets 7, 9, 14, 15). Training mode (`training_mode = 1`, extra outputs) is
//! not supported: it is refused when the model is imported.
//!
//! Fixed point: `a` is computed per channel with the fixed-point Add, Sqrt
//! (rounded to nearest) and Div (rounded half up); then Sub (exact), Mul (one
//! rounding) and Add (exact) per element. epsilon is quantized at the model
//! scale. The error grows where `var + epsilon` is small (a large `a` amplifies
//! the rounding of the square root): about `|x - mean| · a · 2^-s / (2·sqrt(var+ε))`
//! on top of 2^-(s+1). Exporters usually fold BatchNormalization into the
//! preceding Conv, which avoids this entirely.
//! Spec: <https://onnx.ai/onnx/operators/onnx__BatchNormalization.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BatchNormalization {
    pub epsilon: f64,
}

impl Default for BatchNormalization {
    fn default() -> Self {
        BatchNormalization { epsilon: 1e-5 }
    }
}

impl Kernel for BatchNormalization {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let xv = required(inputs, 0, "X")?;
        let x = xv.as_real(0, "X")?;
        let names = ["X", "scale", "B", "input_mean", "input_var"];
        let mut params = Vec::with_capacity(4);
        for (i, name) in names.iter().enumerate().skip(1) {
            params.push(required(inputs, i, name)?.as_real(i, name)?);
        }
        if x.rank() < 2 {
            return Err(KernelError::shape(format!("BatchNormalization needs X of rank ≥ 2, got {:?}", x.shape())));
        }
        let c = x.shape()[1];
        for (p, name) in params.iter().zip(&names[1..]) {
            if p.shape() != [c] {
                return Err(KernelError::shape(format!("{name} must have shape [{c}], got {:?}", p.shape())));
            }
        }
        let (scale, bias, mean, var) = (params[0].data(), params[1].data(), params[2].data(), params[3].data());
        let eps = ar.from_f64(self.epsilon)?;
        let mut a = Vec::with_capacity(c);
        for ch in 0..c {
            let denom = ar.sqrt(ar.add(var[ch], eps)?).map_err(at(ch))?;
            a.push(ar.div(scale[ch], denom).map_err(at(ch))?);
        }
        let inner: usize = x.shape()[2..].iter().product();
        let mut data = Vec::with_capacity(x.len());
        for (i, &v) in x.data().iter().enumerate() {
            let ch = (i / inner.max(1)) % c;
            let y =
                ar.sub(v, mean[ch]).and_then(|d| ar.mul(d, a[ch])).and_then(|m| ar.add(m, bias[ch])).map_err(at(i))?;
            data.push(y);
        }
        Ok(vec![Value::Real(Tensor::new(x.shape().to_vec(), data)?, xv.dtype())])
    }
}
