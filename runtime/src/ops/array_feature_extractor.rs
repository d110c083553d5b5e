//! `ai.onnx.ml.ArrayFeatureExtractor` — selects elements of the last axis of
//! `X` by the int64 indices `Y` (flattened): the output is
//! `X.shape[..-1] + [len(Y)]`, and `[1, len(Y)]` for a 1-D `X` (as
//! onnxruntime). Works on reals and integers alike; exact. An index outside
//! the last axis is an error.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_ArrayFeatureExtractor.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ArrayFeatureExtractor;

impl Kernel for ArrayFeatureExtractor {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        let indices = required(inputs, 1, "Y")?.as_int(1, "Y")?.data().to_vec();
        let shape = x.shape();
        let Some(&last) = shape.last() else {
            return Err(KernelError::shape("ArrayFeatureExtractor of a scalar"));
        };
        let mut cols = Vec::with_capacity(indices.len());
        for &i in &indices {
            match usize::try_from(i) {
                Ok(i) if i < last => cols.push(i),
                _ => {
                    return Err(KernelError::invalid(
                        "index",
                        format!("{i} is outside the last axis of X (size {last})"),
                    ))
                }
            }
        }
        let outer: usize = shape[..shape.len() - 1].iter().product();
        let mut map = Vec::with_capacity(outer * cols.len());
        for o in 0..outer {
            map.extend(cols.iter().map(|c| o * last + c));
        }
        let out_shape = if shape.len() == 1 {
            vec![1, cols.len()]
        } else {
            let mut s = shape[..shape.len() - 1].to_vec();
            s.push(cols.len());
            s
        };
        Ok(vec![x.take(out_shape, &map)?])
    }
}
