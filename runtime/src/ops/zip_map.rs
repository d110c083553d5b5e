//! `ai.onnx.ml.ZipMap` — pairs each column of the probabilities `X [N, C]`
//! with a class label, as a sequence of maps. cairn keeps the tensor: the
//! output is `X` unchanged and the labels go to the package manifest (the
//! output's `keys`), so a reader knows which column is which class. Exact.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_ZipMap.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

/// The class labels of the map keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassLabels {
    Ints(Vec<i64>),
    Strings(Vec<String>),
}

impl ClassLabels {
    pub fn len(&self) -> usize {
        match self {
            ClassLabels::Ints(v) => v.len(),
            ClassLabels::Strings(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZipMap {
    pub labels: ClassLabels,
}

impl Kernel for ZipMap {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "X")?;
        let x = x.as_real(0, "X").map(|_| x)?;
        let columns = match x.shape() {
            [_, c] => *c,
            [c] => *c,
            other => return Err(KernelError::shape(format!("ZipMap needs [N, C] scores, got {other:?}"))),
        };
        if columns != self.labels.len() {
            return Err(KernelError::shape(format!("{columns} score columns for {} class labels", self.labels.len())));
        }
        Ok(vec![x.clone()])
    }
}
