//! `Scan` — a loop over slices of its scan inputs with a static trip count
//! (opsets 9, 11, 16, 19, 21, 23, 24, 25; opset 8's batched form is not
//! supported).
//!
//! Inputs are N initial state values followed by M scan inputs. Iteration t
//! feeds the body the current states and, from each scan input j, the slice
//! at position t (or T − 1 − t when `scan_input_directions[j] = 1`) along
//! `scan_input_axes[j]` (default 0) with that axis removed. The body returns
//! the N next states followed by K scan-output slices; after T iterations the
//! Scan returns the final states and every scan output's slices stacked along
//! `scan_output_axes[k]` (default 0), in iteration order, or in reverse order
//! when `scan_output_directions[k] = 1`. T is the (common) length of the scan
//! axes; T = 0 is an error (the scan outputs' shapes would be unknown).
//!
//! The loop itself is exact data movement: the body's operators run in the
//! same number domain at the same scale, so the fixed-point result is the
//! body's own semantics applied T times. The body (a graph) lives in the
//! transpiler, which calls [`scan`] with it.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Scan.html>

use super::{required, Inputs};
use crate::error::KernelError;
use crate::shape::{normalize_axis, strides};
use crate::value::Value;

/// The loop's resolved attributes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScanSpec {
    /// M, the number of scan inputs (the other inputs are states).
    pub num_scan_inputs: usize,
    /// Per scan input: iterate backwards.
    pub input_reverse: Vec<bool>,
    /// Per scan input: the axis iterated over (may be negative).
    pub input_axes: Vec<i64>,
    /// Per scan output: stack in reverse iteration order.
    pub output_reverse: Vec<bool>,
    /// Per scan output: the axis the slices are stacked along (may be negative).
    pub output_axes: Vec<i64>,
}

impl ScanSpec {
    /// N, the number of state values, for a node with `inputs` inputs.
    pub fn num_states(&self, inputs: usize) -> Result<usize, KernelError> {
        inputs.checked_sub(self.num_scan_inputs).ok_or_else(|| {
            KernelError::invalid(
                "num_scan_inputs",
                format!("{} exceeds the number of inputs ({inputs})", self.num_scan_inputs),
            )
        })
    }

    /// Scan input j's axis, normalized against its rank.
    pub fn input_axis(&self, j: usize, rank: usize) -> Result<usize, KernelError> {
        normalize_axis(self.input_axes.get(j).copied().unwrap_or(0), rank)
    }

    /// Scan output k's axis, normalized against the stacked rank (slice rank + 1).
    pub fn output_axis(&self, k: usize, stacked_rank: usize) -> Result<usize, KernelError> {
        normalize_axis(self.output_axes.get(k).copied().unwrap_or(0), stacked_rank)
    }

    /// The trip count: the common length of every scan input's axis.
    pub fn trip_count<E: Copy>(&self, scan_inputs: &[&Value<E>]) -> Result<usize, KernelError> {
        let mut count = None;
        for (j, x) in scan_inputs.iter().enumerate() {
            let len = x.shape()[self.input_axis(j, x.shape().len())?];
            match count {
                None => count = Some(len),
                Some(c) if c != len => {
                    return Err(KernelError::shape(format!("scan inputs have different lengths ({c} and {len})")))
                }
                Some(_) => {}
            }
        }
        match count {
            Some(0) => Err(KernelError::shape("Scan over an empty sequence (its outputs' shapes are unknown)")),
            Some(t) => Ok(t),
            None => Err(KernelError::invalid("num_scan_inputs", "a Scan needs at least one scan input")),
        }
    }
}

/// Runs the loop: `body` maps (states, slices) to (next states, output slices).
pub fn scan<E: Copy>(
    spec: &ScanSpec,
    inputs: &Inputs<'_, E>,
    mut body: impl FnMut(Vec<Value<E>>) -> Result<Vec<Value<E>>, KernelError>,
) -> Result<Vec<Value<E>>, KernelError> {
    let n = spec.num_states(inputs.len())?;
    let mut states: Vec<Value<E>> = (0..n).map(|i| required(inputs, i, "state").cloned()).collect::<Result<_, _>>()?;
    let scan_inputs: Vec<&Value<E>> =
        (n..inputs.len()).map(|i| required(inputs, i, "scan input")).collect::<Result<_, _>>()?;
    let trips = spec.trip_count(&scan_inputs)?;
    let mut collected: Vec<Vec<Value<E>>> = Vec::new();
    for t in 0..trips {
        let mut args = states;
        for (j, x) in scan_inputs.iter().enumerate() {
            let pos = if spec.input_reverse.get(j).copied().unwrap_or(false) { trips - 1 - t } else { t };
            args.push(slice_at(x, spec.input_axis(j, x.shape().len())?, pos)?);
        }
        let mut outs = body(args)?;
        if outs.len() < n {
            return Err(KernelError::shape(format!(
                "the body returned {} values, fewer than the {n} states",
                outs.len()
            )));
        }
        let slices = outs.split_off(n);
        if collected.is_empty() {
            collected = slices.iter().map(|_| Vec::with_capacity(trips)).collect();
        }
        for (k, s) in slices.into_iter().enumerate() {
            if s.shape() != collected[k].first().map_or(s.shape(), |f: &Value<E>| f.shape()) {
                return Err(KernelError::shape(format!("scan output #{k} changes shape between iterations")));
            }
            collected[k].push(s);
        }
        states = outs;
    }
    let mut result = states;
    for (k, slices) in collected.into_iter().enumerate() {
        let reverse = spec.output_reverse.get(k).copied().unwrap_or(false);
        let axis = spec.output_axis(k, slices[0].shape().len() + 1)?;
        result.push(stack(slices, axis, reverse)?);
    }
    Ok(result)
}

/// The slice of `x` at `pos` along `axis`, with that axis removed.
pub fn slice_at<E: Copy>(x: &Value<E>, axis: usize, pos: usize) -> Result<Value<E>, KernelError> {
    let shape = x.shape();
    let stride = strides(shape)[axis];
    let (len, outer) = (shape[axis], shape[..axis].iter().product::<usize>());
    let map: Vec<usize> =
        (0..outer).flat_map(|o| (0..stride).map(move |s| o * len * stride + pos * stride + s)).collect();
    let mut out_shape = shape.to_vec();
    out_shape.remove(axis);
    x.take(out_shape, &map)
}

/// Equal-shaped slices stacked along a new `axis` (reversed if asked).
fn stack<E: Copy>(slices: Vec<Value<E>>, axis: usize, reverse: bool) -> Result<Value<E>, KernelError> {
    let trips = slices.len();
    let slice_shape = slices[0].shape().to_vec();
    let slice_len: usize = slice_shape.iter().product();
    let inner: usize = slice_shape[axis..].iter().product();
    let outer = slice_len / inner.max(1);
    let joined = join(slices)?;
    // Output (o, t, i) is element o·inner + i of slice t' (t' = t or T − 1 − t).
    let map: Vec<usize> = (0..outer)
        .flat_map(|o| {
            (0..trips).flat_map(move |t| {
                let src = if reverse { trips - 1 - t } else { t };
                (0..inner).map(move |i| src * slice_len + o * inner + i)
            })
        })
        .collect();
    let mut out_shape = slice_shape;
    out_shape.insert(axis, trips);
    joined.take(out_shape, &map)
}

/// The slices' data concatenated (a flat value; `stack` reshapes it).
fn join<E: Copy>(slices: Vec<Value<E>>) -> Result<Value<E>, KernelError> {
    let dtype = slices[0].dtype();
    let mut real = Vec::new();
    let mut int = Vec::new();
    for s in slices {
        if s.dtype() != dtype {
            return Err(KernelError::shape("a scan output changes type between iterations"));
        }
        match s {
            Value::Real(t, _) => real.extend(t.into_data()),
            Value::Int(t, _) => int.extend(t.into_data()),
        }
    }
    Ok(if dtype.is_real() {
        let n = real.len();
        Value::Real(crate::tensor::Tensor::new(vec![n], real)?, dtype)
    } else {
        let n = int.len();
        Value::Int(crate::tensor::Tensor::new(vec![n], int)?, dtype)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtype::DType;
    use crate::tensor::Tensor;

    fn int(shape: Vec<usize>, data: Vec<i64>) -> Value<i64> {
        Value::Int(Tensor::new(shape, data).unwrap(), DType::I64)
    }

    /// A running sum as the state, each partial sum as the scan output.
    fn running_sum(args: Vec<Value<i64>>) -> Result<Vec<Value<i64>>, KernelError> {
        let (s, x) = (args[0].as_int(0, "s")?, args[1].as_int(1, "x")?);
        let next: Vec<i64> = s.data().iter().zip(x.data()).map(|(a, b)| a + b).collect();
        let v = int(s.shape().to_vec(), next);
        Ok(vec![v.clone(), v])
    }

    #[test]
    fn forward_and_reverse_running_sums() {
        let s0 = int(vec![2], vec![0, 0]);
        let x = int(vec![3, 2], vec![1, 2, 3, 4, 5, 6]);
        let spec = ScanSpec { num_scan_inputs: 1, ..Default::default() };
        let out = scan(&spec, &[Some(&s0), Some(&x)], running_sum).unwrap();
        assert_eq!(out[0].as_int(0, "s").unwrap().data(), &[9, 12]);
        assert_eq!(out[1].as_int(1, "y").unwrap().data(), &[1, 2, 4, 6, 9, 12]);
        let spec = ScanSpec { num_scan_inputs: 1, input_reverse: vec![true], output_reverse: vec![true], ..spec };
        let out = scan(&spec, &[Some(&s0), Some(&x)], running_sum).unwrap();
        // Iterates rows 2, 1, 0 (partial sums 5+6, +3+4, +1+2), stacked last-first.
        assert_eq!(out[1].as_int(1, "y").unwrap().data(), &[9, 12, 8, 10, 5, 6]);
    }

    #[test]
    fn axes_of_inputs_and_outputs() {
        let s0 = int(vec![3], vec![0, 0, 0]);
        // Iterating axis 1 of a [3, 2] input feeds columns.
        let x = int(vec![3, 2], vec![1, 2, 3, 4, 5, 6]);
        let spec = ScanSpec { num_scan_inputs: 1, input_axes: vec![1], output_axes: vec![-1], ..Default::default() };
        let out = scan(&spec, &[Some(&s0), Some(&x)], running_sum).unwrap();
        assert_eq!(out[0].as_int(0, "s").unwrap().data(), &[3, 7, 11]);
        // Slices [1,3,5] and [3,7,11] stacked along the last axis: shape [3, 2].
        assert_eq!(out[1].shape(), &[3, 2]);
        assert_eq!(out[1].as_int(1, "y").unwrap().data(), &[1, 3, 3, 7, 5, 11]);
    }

    #[test]
    fn bad_loops_are_errors() {
        let s0 = int(vec![2], vec![0, 0]);
        let spec = ScanSpec { num_scan_inputs: 2, ..Default::default() };
        let (a, b) = (int(vec![3, 2], vec![0; 6]), int(vec![2, 2], vec![0; 4]));
        assert!(matches!(scan(&spec, &[Some(&s0), Some(&a), Some(&b)], running_sum), Err(KernelError::Shape(_))));
        let empty = int(vec![0, 2], vec![]);
        let spec = ScanSpec { num_scan_inputs: 1, ..Default::default() };
        assert!(matches!(scan(&spec, &[Some(&s0), Some(&empty)], running_sum), Err(KernelError::Shape(_))));
        let spec = ScanSpec { num_scan_inputs: 3, ..Default::default() };
        assert!(matches!(scan(&spec, &[Some(&s0), Some(&a)], running_sum), Err(KernelError::Invalid { .. })));
    }
}
