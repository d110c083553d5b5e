//! `Gemm` — `Y = alpha · A' · B' + beta · C` with `A' = transA ? Aᵀ : A` and
//! likewise B'; C broadcasts to the output (opsets 7, 9, 11, 13).
//!
//! Fixed point: with `alpha = 1` each output is one exact sum — the products
//! (scale 2s) plus `beta·C` shifted to scale 2s — rounded once and range-checked
//! once. `beta ≠ 1` first multiplies C (a fixed-point Mul with beta quantized at
//! the model scale); `alpha ≠ 1` rounds the product sum, multiplies it by alpha,
//! then adds `beta·C` (two more roundings). With `beta = 0` C is not read.
//! Exporters emit alpha = beta = 1, where the only rounding is the sum's (≤ 2^-(s+1)).
//! Integers: exact, and only alpha = beta = 1 is accepted.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Gemm.html>

use super::{optional, required, Inputs, Kernel};
use crate::arith::{Arith, IntArith};
use crate::error::{at, KernelError};
use crate::shape::broadcast_map;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gemm {
    pub alpha: f64,
    pub beta: f64,
    pub trans_a: bool,
    pub trans_b: bool,
}

impl Default for Gemm {
    fn default() -> Self {
        Gemm { alpha: 1.0, beta: 1.0, trans_a: false, trans_b: false }
    }
}

impl Kernel for Gemm {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let a = required(inputs, 0, "A")?;
        let b = required(inputs, 1, "B")?;
        let c = optional(inputs, 2);
        let mismatch = |index, name, v: &Value<A::Elem>| KernelError::InputType {
            index,
            name,
            expected: "the same element type as A",
            actual: v.describe(),
        };
        let out = match a {
            Value::Real(x, dt) => {
                let y = b.as_real(1, "B").map_err(|_| mismatch(1, "B", b))?;
                let c = c.map(|c| c.as_real(2, "C").map_err(|_| mismatch(2, "C", c))).transpose()?;
                Value::Real(self.gemm(ar, x, y, c)?, *dt)
            }
            Value::Int(x, dt) => {
                if self.alpha != 1.0 || self.beta != 1.0 {
                    return Err(KernelError::Unsupported("integer Gemm with alpha or beta other than 1".into()));
                }
                let y = b.as_int(1, "B").map_err(|_| mismatch(1, "B", b))?;
                let c = c.map(|c| c.as_int(2, "C").map_err(|_| mismatch(2, "C", c))).transpose()?;
                Value::Int(self.gemm(&IntArith::new(*dt), x, y, c)?, *dt)
            }
        };
        Ok(vec![out])
    }
}

impl Gemm {
    fn gemm<B: Arith>(
        &self,
        ar: &B,
        a: &Tensor<B::Elem>,
        b: &Tensor<B::Elem>,
        c: Option<&Tensor<B::Elem>>,
    ) -> Result<Tensor<B::Elem>, KernelError> {
        if a.rank() != 2 || b.rank() != 2 {
            return Err(KernelError::shape(format!("Gemm needs 2-D A and B, got {:?} and {:?}", a.shape(), b.shape())));
        }
        let (a0, a1) = (a.shape()[0], a.shape()[1]);
        let (b0, b1) = (b.shape()[0], b.shape()[1]);
        let (m, k) = if self.trans_a { (a1, a0) } else { (a0, a1) };
        let (k2, n) = if self.trans_b { (b1, b0) } else { (b0, b1) };
        if k != k2 {
            return Err(KernelError::shape(format!("Gemm inner dimensions differ: A' is {m}×{k}, B' is {k2}×{n}")));
        }
        let a_at = |i: usize, t: usize| if self.trans_a { a.data()[t * a1 + i] } else { a.data()[i * a1 + t] };
        let b_at = |t: usize, j: usize| if self.trans_b { b.data()[j * b1 + t] } else { b.data()[t * b1 + j] };
        let c_map = match c {
            Some(c) if self.beta != 0.0 => Some(broadcast_map(c.shape(), &[m, n])?),
            _ => None,
        };
        let alpha = (self.alpha != 1.0).then(|| ar.from_f64(self.alpha)).transpose()?;
        let beta = (self.beta != 1.0).then(|| ar.from_f64(self.beta)).transpose()?;
        let mut data = Vec::with_capacity(m * n);
        for i in 0..m {
            for j in 0..n {
                let idx = i * n + j;
                let mut acc = ar.acc_zero();
                for t in 0..k {
                    ar.acc_mac(&mut acc, a_at(i, t), b_at(t, j));
                }
                let cv = match (c, &c_map) {
                    (Some(c), Some(map)) => Some(match beta {
                        Some(beta) => ar.mul(c.data()[map[idx]], beta).map_err(at(idx))?,
                        None => c.data()[map[idx]],
                    }),
                    _ => None,
                };
                let y = match alpha {
                    // The usual case: the bias joins the exact sum; one rounding, one range check.
                    None => {
                        if let Some(cv) = cv {
                            ar.acc_add_bias(&mut acc, cv);
                        }
                        ar.acc_finish_dot(acc).map_err(at(idx))?
                    }
                    Some(alpha) => {
                        let t = ar.mul(ar.acc_finish_dot(acc).map_err(at(idx))?, alpha).map_err(at(idx))?;
                        match cv {
                            Some(cv) => ar.add(t, cv).map_err(at(idx))?,
                            None => t,
                        }
                    }
                };
                data.push(y);
            }
        }
        Tensor::new(vec![m, n], data)
    }
}
