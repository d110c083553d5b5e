//! `CumSum` — running sums along `axis` (an int32/int64 scalar input; negative
//! counts from the end): `exclusive = 1` leaves each element out of its own
//! sum (the first output is 0), `reverse = 1` sums from the end (opsets 11, 14).
//!
//! Exact: every output is an exact partial sum, range-checked on its own (a
//! sum that is never output, such as the full sum of an exclusive scan, is
//! not checked); past 2^63 ulps (or the integer type) is an overflow error.
//! Spec: <https://onnx.ai/onnx/operators/onnx__CumSum.html>

use super::{required, Inputs, Kernel};
use crate::arith::{Arith, IntArith};
use crate::error::{at, KernelError};
use crate::shape::normalize_axis;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CumSum {
    pub exclusive: bool,
    pub reverse: bool,
}

/// The `axis` input: an integer scalar (a one-element tensor).
pub fn axis_input<E: Copy>(inputs: &Inputs<'_, E>) -> Result<i64, KernelError> {
    let axis = required(inputs, 1, "axis")?;
    match axis.as_int(1, "axis")?.data() {
        [a] => Ok(*a),
        _ => Err(KernelError::invalid("axis", format!("must be a scalar, got shape {:?}", axis.shape()))),
    }
}

impl Kernel for CumSum {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "x")?;
        let axis = normalize_axis(axis_input(inputs)?, x.shape().len())?;
        Ok(vec![match x {
            Value::Real(t, d) => Value::Real(self.scan(ar, t, axis)?, *d),
            Value::Int(t, d) => Value::Int(self.scan(&IntArith::new(*d), t, axis)?, *d),
        }])
    }
}

impl CumSum {
    fn scan<B: Arith>(&self, ar: &B, t: &Tensor<B::Elem>, axis: usize) -> Result<Tensor<B::Elem>, KernelError> {
        let shape = t.shape();
        let dim = shape[axis];
        let inner: usize = shape[axis + 1..].iter().product();
        let outer: usize = shape[..axis].iter().product();
        let mut out = t.data().to_vec();
        for o in 0..outer {
            for i in 0..inner {
                let mut acc = ar.acc_zero();
                for step in 0..dim {
                    let pos = if self.reverse { dim - 1 - step } else { step };
                    let p = (o * dim + pos) * inner + i;
                    let v = t.data()[p];
                    if !self.exclusive {
                        ar.acc_add(&mut acc, v);
                    }
                    out[p] = ar.acc_finish_sum(acc).map_err(at(p))?;
                    if self.exclusive {
                        ar.acc_add(&mut acc, v);
                    }
                }
            }
        }
        Tensor::new(shape.to_vec(), out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;
    use crate::dtype::DType;
    use crate::fixed::Scale;

    fn run(k: CumSum, x: Vec<i64>, axis: i64) -> Result<Vec<Value<i64>>, KernelError> {
        let x = Value::Int(Tensor::new(vec![2, 3], x).unwrap(), DType::I8);
        let a = Value::Int(Tensor::scalar(axis), DType::I64);
        k.run(&FixedArith::new(Scale::new(8).unwrap()), &[Some(&x), Some(&a)])
    }

    #[test]
    fn scans_in_every_mode() {
        let x = vec![1, 2, 3, 4, 5, 6];
        let ints = |v: Vec<i64>| vec![Value::Int(Tensor::new(vec![2, 3], v).unwrap(), DType::I8)];
        assert_eq!(run(CumSum::default(), x.clone(), 1).unwrap(), ints(vec![1, 3, 6, 4, 9, 15]));
        assert_eq!(
            run(CumSum { exclusive: true, reverse: false }, x.clone(), -1).unwrap(),
            ints(vec![0, 1, 3, 0, 4, 9])
        );
        assert_eq!(
            run(CumSum { exclusive: false, reverse: true }, x.clone(), 0).unwrap(),
            ints(vec![5, 7, 9, 4, 5, 6])
        );
        assert_eq!(run(CumSum { exclusive: true, reverse: true }, x, 1).unwrap(), ints(vec![5, 3, 0, 11, 6, 0]));
        // 100 + 100 overflows int8; an exclusive scan from the end never outputs it
        assert!(run(CumSum::default(), vec![100, 100, 0, 0, 0, 0], 1).is_err());
        assert!(run(CumSum { exclusive: true, reverse: true }, vec![100, 100, 0, 0, 0, 0], 1).is_ok());
    }
}
