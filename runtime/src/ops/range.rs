//! `Range` — `start, start + delta, …` while below `limit` (above it for a
//! negative `delta`): `n = max(ceil((limit − start) / delta), 0)` elements,
//! `out[i] = start + i · delta` (opset 11), for integer scalars. Exact: every
//! element lies between `start` and `limit`, so none can overflow; `delta = 0`
//! is an error.
//!
//! The output length depends on the input values, so they must be known when
//! the model is transpiled (constants, or computed from constants): the node
//! then folds. Real inputs are refused: shape inference does not see real
//! values (and in fixed point the length would follow the quantized bounds,
//! not the float ones).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Range.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::checked_numel;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Range;

/// Input `index` as an integer scalar.
fn scalar<E: Copy>(inputs: &Inputs<'_, E>, index: usize, name: &'static str) -> Result<i64, KernelError> {
    let v = required(inputs, index, name)?;
    if v.dtype().is_real() {
        return Err(KernelError::Unsupported(format!(
            "Range over {} values: its length depends on them and cairn's shape inference sees integer values only",
            v.dtype()
        )));
    }
    match v.as_int(index, name)?.data() {
        [x] => Ok(*x),
        _ => Err(KernelError::invalid(name, format!("must be a scalar, got shape {:?}", v.shape()))),
    }
}

/// The number of elements: `max(ceil((limit − start) / delta), 0)`.
pub fn count(start: i64, limit: i64, delta: i64) -> Result<usize, KernelError> {
    if delta == 0 {
        return Err(KernelError::invalid("delta", "must not be zero"));
    }
    let (span, delta) = (limit as i128 - start as i128, delta as i128);
    let n = (span + delta - delta.signum()) / delta; // ceil for either sign
    checked_numel(&[usize::try_from(n.max(0)).unwrap_or(usize::MAX)])
}

impl Kernel for Range {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let (start, limit, delta) =
            (scalar(inputs, 0, "start")?, scalar(inputs, 1, "limit")?, scalar(inputs, 2, "delta")?);
        let n = count(start, limit, delta)?;
        // start + i·delta lies in [start, limit) (or (limit, start]), so it fits
        // the type; only i·delta may need more than 64 bits
        let data = (0..n as i128).map(|i| (start as i128 + i * delta as i128) as i64).collect();
        Ok(vec![Value::Int(Tensor::new(vec![n], data)?, required(inputs, 0, "start")?.dtype())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;
    use crate::dtype::DType;
    use crate::fixed::Scale;

    fn run(start: i64, limit: i64, delta: i64) -> Result<Vec<i64>, KernelError> {
        let v = |x| Value::Int(Tensor::scalar(x), DType::I32);
        let (s, l, d) = (v(start), v(limit), v(delta));
        let out = Range.run(&FixedArith::new(Scale::new(8).unwrap()), &[Some(&s), Some(&l), Some(&d)])?;
        match &out[0] {
            Value::Int(t, _) => Ok(t.data().to_vec()),
            Value::Real(..) => panic!("integer output expected"),
        }
    }

    #[test]
    fn lengths_round_up_in_both_directions() {
        assert_eq!(run(1, 7, 2).unwrap(), vec![1, 3, 5]);
        assert_eq!(run(1, 8, 2).unwrap(), vec![1, 3, 5, 7]);
        assert_eq!(run(10, 4, -3).unwrap(), vec![10, 7]);
        assert_eq!(run(10, 3, -3).unwrap(), vec![10, 7, 4]);
        assert_eq!(run(3, 3, 1).unwrap(), Vec::<i64>::new());
        assert_eq!(run(5, 1, 1).unwrap(), Vec::<i64>::new());
        assert!(run(0, 1, 0).is_err());
        let r = Value::Real(Tensor::scalar(0), DType::F32);
        assert!(Range.run(&FixedArith::new(Scale::new(8).unwrap()), &[Some(&r), Some(&r), Some(&r)]).is_err());
    }
}
