//! `Reshape` — new shape from the int64 input `shape`: `-1` infers one
//! dimension, `0` copies the input's dimension unless `allowzero = 1`
//! (opsets 5, 13, 14, 19, 21, 23, 24, 25).
//!
//! Exact in every domain (data movement).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Reshape.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::numel;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Reshape {
    pub allowzero: bool,
}

impl Kernel for Reshape {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "data")?;
        let spec = required(inputs, 1, "shape")?.as_int(1, "shape")?.data().to_vec();
        Ok(vec![x.reshape(resolve_shape(x.shape(), &spec, self.allowzero)?)?])
    }
}

/// Applies ONNX's `0` / `-1` rules.
pub fn resolve_shape(input: &[usize], spec: &[i64], allowzero: bool) -> Result<Vec<usize>, KernelError> {
    let bad = |detail: String| KernelError::invalid("shape", detail);
    let mut out = Vec::with_capacity(spec.len());
    let mut infer = None;
    for (i, &d) in spec.iter().enumerate() {
        match d {
            -1 if infer.is_none() => {
                infer = Some(i);
                out.push(1);
            }
            -1 => return Err(bad(format!("{spec:?} has more than one -1"))),
            0 if !allowzero => {
                let v = *input
                    .get(i)
                    .ok_or_else(|| bad(format!("{spec:?}: 0 at axis {i} has no input dimension to copy")))?;
                out.push(v);
            }
            d if d >= 0 => out.push(d as usize),
            d => return Err(bad(format!("{spec:?} has the invalid dimension {d}"))),
        }
    }
    let total = numel(input);
    if let Some(i) = infer {
        let known: usize = out.iter().product();
        if known == 0 || !total.is_multiple_of(known) {
            return Err(bad(format!("cannot infer -1 in {spec:?} for {total} elements (input {input:?})")));
        }
        out[i] = total / known;
    }
    if numel(&out) != total {
        return Err(bad(format!(
            "{spec:?} resolves to {out:?}, which does not hold the {total} elements of {input:?}"
        )));
    }
    Ok(out)
}
