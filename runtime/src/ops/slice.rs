//! `Slice` — `data[starts:ends:steps]` along `axes` (inputs from opset 10,
//! attributes `starts`/`ends`/`axes` before) (opsets 1, 10, 11, 13). Negative
//! starts/ends count from the end; both are clamped as the spec says
//! (`[0, dim]` for positive steps, `[-1, dim-1]` for negative ones).
//!
//! Exact in every domain (data movement).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Slice.html>

use super::{int_list, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{checked_numel, normalize_axes, strides, unravel};
use crate::value::Value;

/// The attribute form of opsets < 10.
#[derive(Clone, Debug, PartialEq)]
pub struct LegacySlice {
    pub starts: Vec<i64>,
    pub ends: Vec<i64>,
    pub axes: Option<Vec<i64>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Slice {
    pub legacy: Option<LegacySlice>,
}

impl Kernel for Slice {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "data")?;
        let (starts, ends, axes, steps) = match &self.legacy {
            Some(l) => (l.starts.clone(), l.ends.clone(), l.axes.clone(), None),
            None => (
                int_list(inputs, 1, "starts")?.ok_or(KernelError::MissingInput { index: 1, name: "starts" })?,
                int_list(inputs, 2, "ends")?.ok_or(KernelError::MissingInput { index: 2, name: "ends" })?,
                int_list(inputs, 3, "axes")?,
                int_list(inputs, 4, "steps")?,
            ),
        };
        let shape = x.shape().to_vec();
        let rank = shape.len();
        let axes = match axes {
            Some(a) => normalize_axes(&a, rank)?,
            None if starts.len() <= rank => (0..starts.len()).collect(),
            None => {
                return Err(KernelError::invalid(
                    "starts",
                    format!("{} values for a tensor of rank {rank}", starts.len()),
                ))
            }
        };
        let steps = steps.unwrap_or_else(|| vec![1; starts.len()]);
        if ends.len() != starts.len() || axes.len() != starts.len() || steps.len() != starts.len() {
            return Err(KernelError::invalid(
                "starts/ends/axes/steps",
                format!("lengths differ: {} {} {} {}", starts.len(), ends.len(), axes.len(), steps.len()),
            ));
        }
        // per axis: (first index, step, count)
        let mut plan: Vec<(i128, i128, usize)> = shape.iter().map(|&d| (0, 1, d)).collect();
        for i in 0..starts.len() {
            let (ax, step) = (axes[i], steps[i] as i128);
            if step == 0 {
                return Err(KernelError::invalid("steps", "a step of 0"));
            }
            let dim = shape[ax] as i128;
            let norm = |v: i64| if v < 0 { v as i128 + dim } else { v as i128 };
            let (mut start, mut end) = (norm(starts[i]), norm(ends[i]));
            if step > 0 {
                start = start.clamp(0, dim);
                end = end.clamp(0, dim);
            } else {
                start = start.clamp(0, (dim - 1).max(0));
                end = end.clamp(-1, dim - 1);
            }
            let count = if step > 0 { (end - start + step - 1) / step } else { (start - end + (-step) - 1) / (-step) };
            plan[ax] = (start, step, count.max(0) as usize);
        }
        let out_shape: Vec<usize> = plan.iter().map(|p| p.2).collect();
        let n = checked_numel(&out_shape)?;
        let in_strides = strides(&shape);
        let mut idx = vec![0; rank];
        let map: Vec<usize> = (0..n)
            .map(|o| {
                unravel(o, &out_shape, &mut idx);
                (0..rank).map(|ax| ((plan[ax].0 + idx[ax] as i128 * plan[ax].1) as usize) * in_strides[ax]).sum()
            })
            .collect();
        Ok(vec![x.take(out_shape, &map)?])
    }
}
