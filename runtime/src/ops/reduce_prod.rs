//! `ReduceProd` — the product over `axes`, with the axes rules of ReduceSum
//! (`axes` an attribute before opset 18, an input from 18).
//!
//! Fixed point: a running product in row-major order from 1, each step an
//! exact product rounded once half up as Mul does: error ≤ 2^-(s+1) per step,
//! carried through the later factors (|error| ≤ Σ_k 2^-(s+1) · Π_{j>k} |x_j|).
//! A partial or final product past 2^63 ulps is an overflow error, as a chain
//! of Mul nodes would be. Integers: exact within the dtype. An empty reduction
//! gives 1.
//! Spec: <https://onnx.ai/onnx/operators/onnx__ReduceProd.html>

use super::reduce::{run_fold, Fold, ReduceAttrs};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReduceProd {
    pub attrs: ReduceAttrs,
}

impl Fold for ReduceProd {
    fn fold<B: Arith>(ar: &B, xs: &[B::Elem]) -> Result<B::Elem, ArithError> {
        // 1 · x rescales exactly, so starting from 1 costs no rounding
        xs.iter().try_fold(ar.from_int(1)?, |p, &x| ar.mul(p, x))
    }
}

impl Kernel for ReduceProd {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        run_fold::<A, Self>(&self.attrs, ar, inputs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;
    use crate::dtype::DType;
    use crate::fixed::Scale;
    use crate::tensor::Tensor;

    fn run(x: Value<i64>, axes: Vec<i64>) -> Result<Vec<Value<i64>>, KernelError> {
        let k = ReduceProd { attrs: ReduceAttrs { axes_attr: Some(axes), ..ReduceAttrs::default() } };
        k.run(&FixedArith::new(Scale::new(16).unwrap()), &[Some(&x)])
    }

    #[test]
    fn running_product_rounds_each_step() {
        // 3 ulp · 0.5 = 1.5 ulp -> 2 ulp, then · 3 = 6 ulp (the exact 4.5 shows
        // the rounding is per step, not once)
        let x = Value::Real(Tensor::new(vec![3], vec![3, 1 << 15, 3 << 16]).unwrap(), DType::F32);
        assert_eq!(run(x, vec![0]).unwrap(), vec![Value::Real(Tensor::new(vec![1], vec![6]).unwrap(), DType::F32)]);
    }

    #[test]
    fn empty_is_one_and_int_overflow_is_an_error() {
        let x = Value::Int(Tensor::new(vec![2, 0], vec![]).unwrap(), DType::I8);
        assert_eq!(run(x, vec![1]).unwrap(), vec![Value::Int(Tensor::new(vec![2, 1], vec![1, 1]).unwrap(), DType::I8)]);
        let x = Value::Int(Tensor::new(vec![2], vec![16, -9]).unwrap(), DType::I8);
        assert!(run(x, vec![0]).is_err());
    }
}
