//! Shared geometry of reductions (ReduceSum, ReduceMean, ReduceSumSquare, ReduceL1,
//! ReduceL2, ReduceProd, ReduceLogSumExp, ReduceMax, ReduceMin, ArgMax, ArgMin):
//! which output element every input element folds into.

use super::{int_list, required, Inputs};
use crate::arith::{Arith, IntArith};
use crate::error::{at, ArithError, KernelError};
use crate::shape::{normalize_axes, unravel};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct Reduction {
    /// Output shape honouring `keepdims`.
    pub out_shape: Vec<usize>,
    /// For every input flat index, the output flat index it folds into.
    pub map: Vec<usize>,
    /// Number of output elements.
    pub out_len: usize,
    /// Number of input elements per output element.
    pub group_size: usize,
}

/// Reduction over `axes` (already normalized; empty means "all axes").
pub fn reduction(shape: &[usize], axes: &[usize], keepdims: bool) -> Reduction {
    let rank = shape.len();
    let reduced: Vec<bool> = (0..rank).map(|a| axes.is_empty() || axes.contains(&a)).collect();
    let kept_shape: Vec<usize> = (0..rank).map(|a| if reduced[a] { 1 } else { shape[a] }).collect();
    let out_shape: Vec<usize> =
        if keepdims { kept_shape.clone() } else { (0..rank).filter(|&a| !reduced[a]).map(|a| shape[a]).collect() };
    let out_len: usize = kept_shape.iter().product();
    let group_size: usize = (0..rank).filter(|&a| reduced[a]).map(|a| shape[a]).product();
    let n: usize = shape.iter().product();
    let mut idx = vec![0; rank];
    let map = (0..n)
        .map(|i| {
            unravel(i, shape, &mut idx);
            let mut o = 0;
            for a in 0..rank {
                o = o * kept_shape[a] + if reduced[a] { 0 } else { idx[a] };
            }
            o
        })
        .collect();
    Reduction { out_shape, map, out_len, group_size }
}

/// Resolves the axes of ReduceSum/ReduceMean: `None` when the reduction is the
/// identity (`noop_with_empty_axes` with no axes), else the axes (empty = all).
pub fn reduce_axes(
    axes: Option<Vec<i64>>,
    rank: usize,
    noop_with_empty_axes: bool,
) -> Result<Option<Vec<usize>>, KernelError> {
    match axes {
        Some(a) if !a.is_empty() => Ok(Some(normalize_axes(&a, rank)?)),
        _ if noop_with_empty_axes => Ok(None),
        _ => Ok(Some(Vec::new())),
    }
}

/// Attributes shared by ReduceSum and ReduceMean.
#[derive(Clone, Debug, PartialEq)]
pub struct ReduceAttrs {
    /// The `axes` attribute of older opsets; `None` means "the second input".
    pub axes_attr: Option<Vec<i64>>,
    pub keepdims: bool,
    pub noop_with_empty_axes: bool,
}

impl Default for ReduceAttrs {
    fn default() -> Self {
        ReduceAttrs { axes_attr: None, keepdims: true, noop_with_empty_axes: false }
    }
}

/// How a reduction turns an exact sum of `count` elements into its result.
pub trait Finish {
    /// Adds one element's term to its group's exact sum: the element itself
    /// by default (ReduceSum, ReduceMean); an exact product for
    /// ReduceSumSquare and ReduceL1, which then finish as dot products.
    fn accumulate<B: Arith>(ar: &B, acc: &mut B::Acc, x: B::Elem) -> Result<(), ArithError> {
        ar.acc_add(acc, x);
        Ok(())
    }

    fn finish<B: Arith>(ar: &B, acc: B::Acc, count: usize) -> Result<B::Elem, ArithError>;
}

/// Runs an additive reduction (the sum and mean kernels differ only in `F`).
pub fn run_additive<A: Arith, F: Finish>(
    attrs: &ReduceAttrs,
    ar: &A,
    inputs: &Inputs<'_, A::Elem>,
) -> Result<Vec<Value<A::Elem>>, KernelError> {
    let x = required(inputs, 0, "data")?;
    let Some(axes) = resolved_axes(attrs, inputs, x.shape().len())? else {
        return Ok(vec![x.clone()]);
    };
    Ok(vec![match x {
        Value::Real(t, dt) => Value::Real(additive::<A, F>(ar, t, &axes, attrs.keepdims)?, *dt),
        Value::Int(t, dt) => Value::Int(additive::<IntArith, F>(&IntArith::new(*dt), t, &axes, attrs.keepdims)?, *dt),
    }])
}

fn additive<B: Arith, F: Finish>(
    ar: &B,
    t: &Tensor<B::Elem>,
    axes: &[usize],
    keepdims: bool,
) -> Result<Tensor<B::Elem>, KernelError> {
    let r = reduction(t.shape(), axes, keepdims);
    let mut accs = vec![ar.acc_zero(); r.out_len];
    for (&v, &o) in t.data().iter().zip(&r.map) {
        F::accumulate(ar, &mut accs[o], v).map_err(at(o))?;
    }
    let data = accs
        .into_iter()
        .enumerate()
        .map(|(i, acc)| F::finish(ar, acc, r.group_size).map_err(at(i)))
        .collect::<Result<Vec<_>, _>>()?;
    Tensor::new(r.out_shape, data)
}

/// How a reduction turns the elements of one group, in row-major order, into
/// its result, when that is not an exact sum: a running product (ReduceProd),
/// a log-sum-exp.
pub trait Fold {
    fn fold<B: Arith>(ar: &B, xs: &[B::Elem]) -> Result<B::Elem, ArithError>;
}

/// Runs a reduction folding each group's elements with `F`.
pub fn run_fold<A: Arith, F: Fold>(
    attrs: &ReduceAttrs,
    ar: &A,
    inputs: &Inputs<'_, A::Elem>,
) -> Result<Vec<Value<A::Elem>>, KernelError> {
    let x = required(inputs, 0, "data")?;
    let Some(axes) = resolved_axes(attrs, inputs, x.shape().len())? else {
        return Ok(vec![x.clone()]);
    };
    Ok(vec![match x {
        Value::Real(t, dt) => Value::Real(folded::<A, F>(ar, t, &axes, attrs.keepdims)?, *dt),
        Value::Int(t, dt) => Value::Int(folded::<IntArith, F>(&IntArith::new(*dt), t, &axes, attrs.keepdims)?, *dt),
    }])
}

fn folded<B: Arith, F: Fold>(
    ar: &B,
    t: &Tensor<B::Elem>,
    axes: &[usize],
    keepdims: bool,
) -> Result<Tensor<B::Elem>, KernelError> {
    let r = reduction(t.shape(), axes, keepdims);
    let mut groups: Vec<Vec<B::Elem>> = vec![Vec::with_capacity(r.group_size); r.out_len];
    // the input is visited in row-major order, so each group is too
    for (&v, &o) in t.data().iter().zip(&r.map) {
        groups[o].push(v);
    }
    let data = groups.iter().enumerate().map(|(i, g)| F::fold(ar, g).map_err(at(i))).collect::<Result<Vec<_>, _>>()?;
    Tensor::new(r.out_shape, data)
}

/// The axes a reduction resolves to from its attribute or its `axes` input:
/// `None` when it is the identity (see [`reduce_axes`]).
fn resolved_axes<E: Copy>(
    attrs: &ReduceAttrs,
    inputs: &Inputs<'_, E>,
    rank: usize,
) -> Result<Option<Vec<usize>>, KernelError> {
    let axes = match &attrs.axes_attr {
        Some(a) => Some(a.clone()),
        None => int_list(inputs, 1, "axes")?,
    };
    reduce_axes(axes, rank, attrs.noop_with_empty_axes)
}

/// Runs ReduceMax (`max`) or ReduceMin: the largest (smallest) element of each
/// group, exactly (a comparison of stored values). A group of no elements is
/// the type's minimum (maximum) for integer tensors, as ONNX specifies; for
/// reals it would be -inf (+inf), which fixed point cannot represent: an error.
pub fn run_extremum<A: Arith>(
    attrs: &ReduceAttrs,
    max: bool,
    inputs: &Inputs<'_, A::Elem>,
) -> Result<Vec<Value<A::Elem>>, KernelError> {
    let x = required(inputs, 0, "data")?;
    let Some(axes) = resolved_axes(attrs, inputs, x.shape().len())? else {
        return Ok(vec![x.clone()]);
    };
    Ok(vec![match x {
        Value::Real(t, dt) => Value::Real(extremum(t, &axes, attrs.keepdims, max, None)?, *dt),
        Value::Int(t, dt) => {
            let (lo, hi) = dt.int_range();
            // the range of every cairn integer type lies within i64
            let empty = if max { lo as i64 } else { hi as i64 };
            Value::Int(extremum(t, &axes, attrs.keepdims, max, Some(empty))?, *dt)
        }
    }])
}

/// The extremum of each group; `empty` answers for a group of no elements.
fn extremum<T: Copy + PartialOrd>(
    t: &Tensor<T>,
    axes: &[usize],
    keepdims: bool,
    max: bool,
    empty: Option<T>,
) -> Result<Tensor<T>, KernelError> {
    let r = reduction(t.shape(), axes, keepdims);
    let mut best: Vec<Option<T>> = vec![None; r.out_len];
    for (&v, &o) in t.data().iter().zip(&r.map) {
        best[o] = match best[o] {
            Some(b) if !(if max { v > b } else { v < b }) => Some(b),
            _ => Some(v),
        };
    }
    let data = best
        .into_iter()
        .map(|b| {
            b.or(empty).ok_or_else(|| {
                KernelError::invalid(
                    "reduction",
                    "the extremum of no real elements is an infinity, which fixed point cannot represent",
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Tensor::new(r.out_shape, data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_inputs_to_outputs() {
        let r = reduction(&[2, 3], &[1], false);
        assert_eq!(r.out_shape, vec![2]);
        assert_eq!(r.map, vec![0, 0, 0, 1, 1, 1]);
        let r = reduction(&[2, 3], &[0], true);
        assert_eq!(r.out_shape, vec![1, 3]);
        assert_eq!(r.map, vec![0, 1, 2, 0, 1, 2]);
        let r = reduction(&[2, 3], &[], false);
        assert_eq!((r.out_shape, r.out_len, r.group_size), (vec![], 1, 6));
    }

    #[test]
    fn extremum_of_groups() {
        use crate::arith::FixedArith;
        use crate::dtype::DType;
        let attrs = ReduceAttrs { axes_attr: Some(vec![1]), keepdims: false, noop_with_empty_axes: false };
        let x = Value::Real(Tensor::new(vec![2, 3], vec![3, -1, 7, -5, -2, -9]).unwrap(), DType::F32);
        let max = run_extremum::<FixedArith>(&attrs, true, &[Some(&x)]).unwrap();
        assert_eq!(max, vec![Value::Real(Tensor::new(vec![2], vec![7, -2]).unwrap(), DType::F32)]);
        let min = run_extremum::<FixedArith>(&attrs, false, &[Some(&x)]).unwrap();
        assert_eq!(min, vec![Value::Real(Tensor::new(vec![2], vec![-1, -9]).unwrap(), DType::F32)]);
    }

    #[test]
    fn extremum_of_no_elements() {
        use crate::dtype::DType;
        let attrs = ReduceAttrs { axes_attr: Some(vec![1]), keepdims: true, noop_with_empty_axes: false };
        let reals: Value<i64> = Value::Real(Tensor::new(vec![2, 0], vec![]).unwrap(), DType::F32);
        assert!(run_extremum::<crate::arith::FixedArith>(&attrs, true, &[Some(&reals)]).is_err());
        let ints: Value<i64> = Value::Int(Tensor::new(vec![2, 0], vec![]).unwrap(), DType::I8);
        let max = run_extremum::<crate::arith::FixedArith>(&attrs, true, &[Some(&ints)]).unwrap();
        assert_eq!(max, vec![Value::Int(Tensor::new(vec![2, 1], vec![-128, -128]).unwrap(), DType::I8)]);
        let min = run_extremum::<crate::arith::FixedArith>(&attrs, false, &[Some(&ints)]).unwrap();
        assert_eq!(min, vec![Value::Int(Tensor::new(vec![2, 1], vec![127, 127]).unwrap(), DType::I8)]);
    }
}
