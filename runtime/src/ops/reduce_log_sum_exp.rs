//! `ReduceLogSumExp` — `ln(Σ e^x)` over `axes`, with the axes rules of ReduceSum
//! (`axes` an attribute before opset 18, an input from 18).
//!
//! Fixed point (`fixed::ln::log_sum_exp`): `m + ln(Σ e^(x − m))` with `m` the
//! group's maximum, so every exponential is at most 1 and nothing overflows
//! before the result; the exponentials at scale 62, the logarithm by `ln_q62`,
//! one rounding half up. Error against the stored inputs ≤ 2^-(s+1) +
//! 1.7·10⁻¹⁰ + n·2^-63 + 2·10⁻¹³ (n the group size). An empty group is
//! ln 0 = −inf, not representable: an error. Reals only (integer tensors are
//! refused).
//! Spec: <https://onnx.ai/onnx/operators/onnx__ReduceLogSumExp.html>

use super::reduce::{run_fold, Fold, ReduceAttrs};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReduceLogSumExp {
    pub attrs: ReduceAttrs,
}

impl Fold for ReduceLogSumExp {
    fn fold<B: Arith>(ar: &B, xs: &[B::Elem]) -> Result<B::Elem, ArithError> {
        ar.log_sum_exp(xs)
    }
}

impl Kernel for ReduceLogSumExp {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        run_fold::<A, Self>(&self.attrs, ar, inputs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::{FixedArith, ShapeArith};
    use crate::dtype::DType;
    use crate::fixed::Scale;
    use crate::tensor::Tensor;

    fn kernel() -> ReduceLogSumExp {
        ReduceLogSumExp { attrs: ReduceAttrs { axes_attr: Some(vec![1]), ..ReduceAttrs::default() } }
    }

    #[test]
    fn close_to_the_real_function() {
        let f = FixedArith::new(Scale::new(20).unwrap());
        let xs = [-3.25, 0.5, 7.0, 7.0, -30.0, 12.75];
        let q: Vec<i64> = xs.iter().map(|&v| f.from_f64(v).unwrap()).collect();
        let x = Value::Real(Tensor::new(vec![2, 3], q).unwrap(), DType::F32);
        let out = kernel().run(&f, &[Some(&x)]).unwrap();
        let Value::Real(t, _) = &out[0] else { panic!("real output expected") };
        for (row, &got) in t.data().iter().enumerate() {
            let want: f64 = xs[row * 3..row * 3 + 3].iter().map(|v: &f64| v.exp()).sum::<f64>().ln();
            let err = (got as f64 / f64::from(1 << 20) - want).abs();
            assert!(err <= 2f64.powi(-21) + 2e-10, "row {row}: {got} vs {want}");
        }
    }

    #[test]
    fn empty_groups_and_integers_are_refused() {
        let x: Value<()> = Value::Real(Tensor::new(vec![2, 0], vec![]).unwrap(), DType::F32);
        assert!(kernel().run(&ShapeArith, &[Some(&x)]).is_err());
        let x: Value<()> = Value::Int(Tensor::new(vec![1, 2], vec![0, 0]).unwrap(), DType::I32);
        assert!(kernel().run(&ShapeArith, &[Some(&x)]).is_err());
    }
}
