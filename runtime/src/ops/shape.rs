//! `Shape` — the input's dimensions as a 1-D int64 tensor, optionally the
//! slice `[start, end)` of them (opset 15; opsets 1, 13 have no slice).
//! Negative `start`/`end` count from the rank; both are clamped to
//! `[0, rank]`, and `start >= end` gives an empty tensor.
//!
//! Exact (no arithmetic). The transpiler folds it into a constant, since the
//! shapes of every tensor are known when a model is transpiled.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Shape.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::dtype::DType;
use crate::error::KernelError;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Shape {
    pub start: i64,
    /// `None`: up to the rank.
    pub end: Option<i64>,
}

impl Shape {
    /// The `[start, end)` range of dimensions kept, for an input of `rank`.
    pub fn range(&self, rank: usize) -> (usize, usize) {
        let r = rank as i64;
        let clamp = |v: i64| (if v < 0 { v + r } else { v }).clamp(0, r) as usize;
        let (s, e) = (clamp(self.start), clamp(self.end.unwrap_or(r)));
        (s, e.max(s))
    }
}

impl Kernel for Shape {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let dims = required(inputs, 0, "data")?.shape();
        let (s, e) = self.range(dims.len());
        let data: Vec<i64> = dims[s..e].iter().map(|&d| d as i64).collect();
        Ok(vec![Value::Int(Tensor::new(vec![data.len()], data)?, DType::I64)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_clamp_to_the_rank() {
        let s = |start, end| Shape { start, end }.range(4);
        assert_eq!(s(0, None), (0, 4));
        assert_eq!(s(1, Some(-1)), (1, 3));
        assert_eq!(s(-10, Some(10)), (0, 4));
        assert_eq!(s(3, Some(1)), (3, 3));
    }
}
