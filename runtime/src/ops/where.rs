//! `Where` — `condition ? X : Y` element-wise, the three inputs broadcast
//! together numpy-style (opsets 9, 16). `condition` is a bool tensor; `X` and
//! `Y` are both reals or both integer tensors, and the output has X's dtype.
//!
//! Exact: a selection, no arithmetic.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Where.html>

use super::logic::bool_input;
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{broadcast_map, broadcast_shapes};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Where;

/// `cond[i] ? x[i] : y[i]` over the broadcast shape of the three.
fn select<T: Copy>(cond: &Tensor<i64>, x: &Tensor<T>, y: &Tensor<T>) -> Result<Tensor<T>, KernelError> {
    let shape = broadcast_shapes(&broadcast_shapes(cond.shape(), x.shape())?, y.shape())?;
    let (mc, mx, my) =
        (broadcast_map(cond.shape(), &shape)?, broadcast_map(x.shape(), &shape)?, broadcast_map(y.shape(), &shape)?);
    let data = mc
        .iter()
        .zip(mx.iter().zip(&my))
        .map(|(&c, (&i, &j))| if cond.data()[c] != 0 { x.data()[i] } else { y.data()[j] })
        .collect();
    Tensor::new(shape, data)
}

impl Kernel for Where {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let cond = bool_input(inputs, 0, "condition")?;
        let (x, y) = (required(inputs, 1, "X")?, required(inputs, 2, "Y")?);
        Ok(vec![match (x, y) {
            (Value::Real(a, dt), Value::Real(b, _)) => Value::Real(select(cond, a, b)?, *dt),
            (Value::Int(a, dt), Value::Int(b, _)) => Value::Int(select(cond, a, b)?, *dt),
            _ => {
                return Err(KernelError::InputType {
                    index: 2,
                    name: "Y",
                    expected: "the same element type as input X",
                    actual: format!("{} with X {}", y.describe(), x.describe()),
                })
            }
        }])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;
    use crate::dtype::DType;

    #[test]
    fn selects_with_three_way_broadcasting() {
        let c = Value::Int(Tensor::new(vec![2, 1], vec![1, 0]).unwrap(), DType::Bool);
        let x = Value::Real(Tensor::new(vec![3], vec![1, 2, 3]).unwrap(), DType::F32);
        let y = Value::Real(Tensor::scalar(-9), DType::F32);
        let got = Where
            .run(&FixedArith::new(crate::fixed::Scale::new(16).unwrap()), &[Some(&c), Some(&x), Some(&y)])
            .unwrap();
        assert_eq!(got, vec![Value::Real(Tensor::new(vec![2, 3], vec![1, 2, 3, -9, -9, -9]).unwrap(), DType::F32)]);
    }

    #[test]
    fn a_non_bool_condition_is_an_error() {
        let c = Value::Int(Tensor::new(vec![1], vec![1]).unwrap(), DType::I64);
        let x = Value::Real(Tensor::new(vec![1], vec![1]).unwrap(), DType::F32);
        assert!(Where
            .run(&FixedArith::new(crate::fixed::Scale::new(16).unwrap()), &[Some(&c), Some(&x), Some(&x)])
            .is_err());
    }
}
