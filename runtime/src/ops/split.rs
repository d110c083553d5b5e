//! `Split` — cuts the input along `axis` into consecutive parts, one per
//! output (opsets 2, 11, 13, 18). The part sizes are `split` (an attribute
//! before opset 13, an optional int64 input from 13; they must add up to the
//! axis' size); without it, from opset 18 `num_outputs` parts of
//! `ceil(dim / num_outputs)` elements with a smaller last one, else equal parts
//! (the axis' size must divide by the number of outputs).
//!
//! Exact (data movement). The code generator needs `split` as a constant.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Split.html>

use super::{int_list, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{normalize_axis, to_dims};
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Split {
    pub axis: i64,
    /// The `split` attribute of opsets < 13; `None` means "the second input".
    pub split_attr: Option<Vec<i64>>,
    /// The `num_outputs` attribute of opset 18.
    pub num_outputs: Option<i64>,
    /// The number of outputs the node declares.
    pub outputs: usize,
}

impl Split {
    /// The normalized axis and the size of every part, for an input of `shape`.
    pub fn parts(&self, shape: &[usize], split: Option<Vec<i64>>) -> Result<(usize, Vec<usize>), KernelError> {
        let axis = normalize_axis(self.axis, shape.len())?;
        let dim = shape[axis];
        let sizes = match (split.or_else(|| self.split_attr.clone()), self.num_outputs) {
            (Some(s), _) => {
                let s = to_dims(&s, "split")?;
                if s.iter().sum::<usize>() != dim || s.len() != self.outputs {
                    return Err(KernelError::invalid(
                        "split",
                        format!("{s:?} must have {} parts adding up to {dim}", self.outputs),
                    ));
                }
                s
            }
            (None, Some(n)) => {
                let n = usize::try_from(n)
                    .ok()
                    .filter(|&n| n > 0 && n == self.outputs)
                    .ok_or_else(|| KernelError::invalid("num_outputs", format!("{n} with {} outputs", self.outputs)))?;
                let chunk = dim.div_ceil(n);
                let last = dim.checked_sub(chunk * (n - 1)).ok_or_else(|| {
                    KernelError::invalid("num_outputs", format!("{n} parts of {chunk} overflow an axis of {dim}"))
                })?;
                let mut s = vec![chunk; n - 1];
                s.push(last);
                s
            }
            (None, None) => {
                let n = self.outputs;
                if n == 0 || !dim.is_multiple_of(n) {
                    return Err(KernelError::invalid("split", format!("an axis of {dim} into {n} equal parts")));
                }
                vec![dim / n; n]
            }
        };
        Ok((axis, sizes))
    }
}

impl Kernel for Split {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "input")?;
        let split = if self.split_attr.is_some() { None } else { int_list(inputs, 1, "split")? };
        let (axis, sizes) = self.parts(x.shape(), split)?;
        let outer: usize = x.shape()[..axis].iter().product();
        let inner: usize = x.shape()[axis + 1..].iter().product();
        let dim = x.shape()[axis];
        let mut start = 0;
        let mut outs = Vec::with_capacity(sizes.len());
        for &len in &sizes {
            let mut map = Vec::with_capacity(outer * len * inner);
            for o in 0..outer {
                for j in start..start + len {
                    map.extend((0..inner).map(|k| (o * dim + j) * inner + k));
                }
            }
            let mut shape = x.shape().to_vec();
            shape[axis] = len;
            outs.push(x.take(shape, &map)?);
            start += len;
        }
        Ok(outs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_sizes() {
        let s = |num_outputs, outputs| Split { axis: 0, split_attr: None, num_outputs, outputs };
        assert_eq!(s(Some(3), 3).parts(&[7], None).unwrap(), (0, vec![3, 3, 1]));
        assert_eq!(s(None, 2).parts(&[6], None).unwrap(), (0, vec![3, 3]));
        assert!(s(None, 4).parts(&[6], None).is_err());
        assert_eq!(s(None, 2).parts(&[6], Some(vec![2, 4])).unwrap(), (0, vec![2, 4]));
        assert!(s(None, 2).parts(&[6], Some(vec![2, 3])).is_err());
    }
}
