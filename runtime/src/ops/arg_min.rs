//! `ArgMin` — int64 index of the smallest element along `axis`, first or
//! (`select_last_index = 1`) last among ties; `keepdims` as for reductions
//! (opsets 1, 11, 12, 13). ArgMax's twin (`arg_max::arg_extremum`).
//!
//! Exact in every domain (a comparison, no arithmetic): the fixed-point result
//! can differ from a float runtime's only where two inputs are within the
//! quantization error of each other. An empty axis is an error.
//! Spec: <https://onnx.ai/onnx/operators/onnx__ArgMin.html>

use super::arg_max::arg_extremum;
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::dtype::DType;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArgMin {
    pub axis: i64,
    pub keepdims: bool,
    pub select_last_index: bool,
}

impl Default for ArgMin {
    fn default() -> Self {
        ArgMin { axis: 0, keepdims: true, select_last_index: false }
    }
}

impl Kernel for ArgMin {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "data")?;
        let out = match x {
            Value::Real(t, _) => arg_extremum(t, self.axis, self.keepdims, self.select_last_index, false)?,
            Value::Int(t, _) => arg_extremum(t, self.axis, self.keepdims, self.select_last_index, false)?,
        };
        Ok(vec![Value::Int(out, DType::I64)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;
    use crate::fixed::Scale;
    use crate::tensor::Tensor;

    #[test]
    fn first_or_last_of_ties() {
        let x = Value::Real(Tensor::new(vec![2, 3], vec![4, -2, -2, 7, 7, 9]).unwrap(), DType::F32);
        let ar = FixedArith::new(Scale::new(16).unwrap());
        let first = ArgMin { axis: 1, keepdims: false, select_last_index: false };
        assert_eq!(
            first.run(&ar, &[Some(&x)]).unwrap(),
            vec![Value::Int(Tensor::new(vec![2], vec![1, 0]).unwrap(), DType::I64)]
        );
        let last = ArgMin { axis: -1, keepdims: true, select_last_index: true };
        assert_eq!(
            last.run(&ar, &[Some(&x)]).unwrap(),
            vec![Value::Int(Tensor::new(vec![2, 1], vec![2, 1]).unwrap(), DType::I64)]
        );
    }
}
