//! `MatMul` — numpy matrix product (opsets 1, 9, 13): 1-D operands are promoted
//! to a row / column and the added axis removed again; leading (batch) axes
//! broadcast.
//!
//! Fixed point: each output is an exact sum of exact products (scale 2s) with
//! one rounding half up at the end, so the error against the real product of
//! the stored operands is ≤ 2^-(s+1); an output outside ±2^63 ulps is an
//! overflow error (partial sums never overflow). Integers: exact within the dtype.
//! Spec: <https://onnx.ai/onnx/operators/onnx__MatMul.html>

use super::{required, Inputs, Kernel};
use crate::arith::{Arith, IntArith};
use crate::error::{at, KernelError};
use crate::shape::{broadcast_map, broadcast_shapes, checked_numel, numel};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MatMul;

impl Kernel for MatMul {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let a = required(inputs, 0, "A")?;
        let b = required(inputs, 1, "B")?;
        let out = match (a, b) {
            (Value::Real(x, dt), Value::Real(y, _)) => Value::Real(matmul(ar, x, y)?, *dt),
            (Value::Int(x, dt), Value::Int(y, _)) => Value::Int(matmul(&IntArith::new(*dt), x, y)?, *dt),
            _ => {
                return Err(KernelError::InputType {
                    index: 1,
                    name: "B",
                    expected: "the same element type as A",
                    actual: b.describe(),
                })
            }
        };
        Ok(vec![out])
    }
}

/// The numpy `matmul` of two tensors in domain `B`.
pub fn matmul<B: Arith>(ar: &B, a: &Tensor<B::Elem>, b: &Tensor<B::Elem>) -> Result<Tensor<B::Elem>, KernelError> {
    if a.rank() == 0 || b.rank() == 0 {
        return Err(KernelError::shape("MatMul operands must have rank ≥ 1"));
    }
    let a_shape: Vec<usize> = if a.rank() == 1 { vec![1, a.shape()[0]] } else { a.shape().to_vec() };
    let b_shape: Vec<usize> = if b.rank() == 1 { vec![b.shape()[0], 1] } else { b.shape().to_vec() };
    let (ra, rb) = (a_shape.len(), b_shape.len());
    let (n, k) = (a_shape[ra - 2], a_shape[ra - 1]);
    let (k2, m) = (b_shape[rb - 2], b_shape[rb - 1]);
    if k != k2 {
        return Err(KernelError::shape(format!("MatMul inner dimensions differ: {:?} × {:?}", a.shape(), b.shape())));
    }
    let batch_a = &a_shape[..ra - 2];
    let batch_b = &b_shape[..rb - 2];
    let batch = broadcast_shapes(batch_a, batch_b)?;
    let map_a = broadcast_map(batch_a, &batch)?;
    let map_b = broadcast_map(batch_b, &batch)?;
    let mut out_shape = batch.clone();
    if a.rank() > 1 {
        out_shape.push(n);
    }
    if b.rank() > 1 {
        out_shape.push(m);
    }
    let total = checked_numel(&out_shape)?;
    let (ad, bd) = (a.data(), b.data());
    let mut data = Vec::with_capacity(total);
    for bi in 0..numel(&batch) {
        let a_off = map_a[bi] * n * k;
        let b_off = map_b[bi] * k * m;
        for i in 0..n {
            for j in 0..m {
                let mut acc = ar.acc_zero();
                for t in 0..k {
                    ar.acc_mac(&mut acc, ad[a_off + i * k + t], bd[b_off + t * m + j]);
                }
                data.push(ar.acc_finish_dot(acc).map_err(at(data.len()))?);
            }
        }
    }
    Tensor::new(out_shape, data)
}
