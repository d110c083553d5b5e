//! `ReduceL2` — `sqrt(Σ x²)` over `axes`, with the axes rules of ReduceSum
//! (`axes` an attribute before opset 18, an input from 18).
//!
//! Fixed point: every square is exact (scale 2s) and so is their sum `S`; the
//! result is `round(sqrt(S))` half up at scale s — one rounding, error ≤
//! 2^-(s+1) against the stored inputs; only the final value can overflow.
//! Integers: `floor(sqrt(S))`, as ONNX's float root cast back to the type.
//! An empty reduction gives 0.
//! Spec: <https://onnx.ai/onnx/operators/onnx__ReduceL2.html>

use super::reduce::{run_additive, Finish, ReduceAttrs};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReduceL2 {
    pub attrs: ReduceAttrs,
}

impl Finish for ReduceL2 {
    fn accumulate<B: Arith>(ar: &B, acc: &mut B::Acc, x: B::Elem) -> Result<(), ArithError> {
        ar.acc_mac(acc, x, x);
        Ok(())
    }

    fn finish<B: Arith>(ar: &B, acc: B::Acc, _count: usize) -> Result<B::Elem, ArithError> {
        ar.acc_finish_norm(acc)
    }
}

impl Kernel for ReduceL2 {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        run_additive::<A, Self>(&self.attrs, ar, inputs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;
    use crate::dtype::DType;
    use crate::fixed::Scale;
    use crate::tensor::Tensor;

    fn run(x: Value<i64>) -> Result<Vec<Value<i64>>, KernelError> {
        let k = ReduceL2 { attrs: ReduceAttrs { axes_attr: Some(vec![]), ..ReduceAttrs::default() } };
        k.run(&FixedArith::new(Scale::new(16).unwrap()), &[Some(&x)])
    }

    #[test]
    fn one_rounding_of_the_exact_root() {
        // 3-4-5 is exact; (1 ulp, 1 ulp) has root sqrt(2) ulp = 1.41 -> 1
        let x = Value::Real(Tensor::new(vec![2], vec![3 << 16, -(4 << 16)]).unwrap(), DType::F32);
        assert_eq!(run(x).unwrap(), vec![Value::Real(Tensor::new(vec![1], vec![5 << 16]).unwrap(), DType::F32)]);
        let x = Value::Real(Tensor::new(vec![2], vec![1, -1]).unwrap(), DType::F32);
        assert_eq!(run(x).unwrap(), vec![Value::Real(Tensor::new(vec![1], vec![1]).unwrap(), DType::F32)]);
        // (1, 1, 1) ulp: sqrt(3) = 1.73 -> 2
        let x = Value::Real(Tensor::new(vec![3], vec![1, 1, 1]).unwrap(), DType::F32);
        assert_eq!(run(x).unwrap(), vec![Value::Real(Tensor::new(vec![1], vec![2]).unwrap(), DType::F32)]);
    }

    #[test]
    fn integers_truncate_and_overflow_is_an_error() {
        let x = Value::Int(Tensor::new(vec![2], vec![1, 1]).unwrap(), DType::I32);
        assert_eq!(run(x).unwrap(), vec![Value::Int(Tensor::new(vec![1], vec![1]).unwrap(), DType::I32)]);
        let big = Value::Real(Tensor::new(vec![2], vec![i64::MAX, i64::MAX]).unwrap(), DType::F32);
        assert!(run(big).is_err());
    }
}
