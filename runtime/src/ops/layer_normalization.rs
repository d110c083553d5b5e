//! `LayerNormalization` (opset 17) — each row of the trailing axes
//! `X.shape[axis..]` normalized: `Y = (x - mean) / sqrt(var + ε) · Scale + B`,
//! with the optional outputs `Mean` and `InvStdDev` (`1 / sqrt(var + ε)`),
//! shaped like X with the normalized axes set to 1. `Scale` and `B` have the
//! normalized shape (or one element); `stash_type` only selects a float
//! precision for the statistics and has no effect on the fixed-point result.
//!
//! Fixed point, per row of `n` elements: `mean` is the exact sum divided by
//! `n`, rounded once (half up); `d = x − mean` is exact; the variance is the
//! exact sum of `d²` rounded once to scale s, then divided by `n` rounded once
//! (error ≤ 2^-(s+1)·(1 + 1/n)); `sqrt(var + ε)` rounds to nearest; each
//! `d / sqrt(..)` is one division rounded half up, then one Mul (one rounding)
//! by Scale and an exact Add of B. ε is quantized at the model scale. As in
//! BatchNormalization, the error is amplified where `var + ε` is tiny.
//! Spec: <https://onnx.ai/onnx/operators/onnx__LayerNormalization.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayerNormalization {
    pub axis: i64,
    pub epsilon: f64,
}

impl LayerNormalization {
    /// The first normalized axis of a rank-`rank` input.
    pub fn first_axis(&self, rank: usize) -> Result<usize, KernelError> {
        let r = rank as i64;
        let a = if self.axis < 0 { self.axis + r } else { self.axis };
        if !(0..r).contains(&a) {
            return Err(KernelError::invalid("axis", format!("axis {} is outside a rank-{rank} input", self.axis)));
        }
        Ok(a as usize)
    }
}

/// A per-element parameter of the normalized shape (or a single value), as a
/// slice of `n` values; `None` for an absent optional one.
fn param<'a, E: Copy>(
    inputs: &Inputs<'a, E>,
    i: usize,
    name: &'static str,
    normalized: &[usize],
) -> Result<Option<&'a [E]>, KernelError> {
    let Some(v) = super::optional(inputs, i) else { return Ok(None) };
    let t = v.as_real(i, name)?;
    let n: usize = normalized.iter().product();
    let trimmed: Vec<usize> = t.shape().iter().copied().skip_while(|&d| d == 1).collect();
    let fits = t.len() == 1 || (t.len() == n && normalized.ends_with(&trimmed));
    if !fits {
        return Err(KernelError::shape(format!(
            "{name} of shape {:?} does not match the normalized shape {normalized:?}",
            t.shape()
        )));
    }
    Ok(Some(t.data()))
}

/// How the rows of a normalization map to their Scale and B entries: rows of
/// `n` elements; element `j` of row `r` takes entry
/// `((r mod groups) · n + j) / block` (one entry of a single-value parameter).
/// LayerNormalization: `groups = block = 1`; InstanceNormalization: a row per
/// channel, `groups = C`, `block = n`; GroupNormalization: a row per group,
/// `groups = G`, `block` the channel size (per-channel parameters) or `n`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rows {
    pub n: usize,
    pub groups: usize,
    pub block: usize,
}

/// Normalizes each row of `x` — the mean and variance of the row, rounded as
/// the section above says — then scales and shifts every element:
/// `(Y, Mean, InvStdDev)` with one statistic per row.
#[allow(clippy::type_complexity)]
pub(crate) fn normalize<A: Arith>(
    ar: &A,
    x: &[A::Elem],
    rows: Rows,
    scale: &[A::Elem],
    bias: Option<&[A::Elem]>,
    epsilon: f64,
) -> Result<(Vec<A::Elem>, Vec<A::Elem>, Vec<A::Elem>), KernelError> {
    let n = rows.n;
    let pick = |p: &[A::Elem], r: usize, j: usize| {
        if p.len() == 1 {
            p[0]
        } else {
            p[((r % rows.groups) * n + j) / rows.block]
        }
    };
    let eps = ar.from_f64(epsilon)?;
    let one = ar.from_f64(1.0)?;
    let count = x.len() / n;
    let (mut y, mut means, mut inv_stds) =
        (Vec::with_capacity(x.len()), Vec::with_capacity(count), Vec::with_capacity(count));
    for (r, row) in x.chunks(n).enumerate() {
        let base = r * n;
        let mut acc = ar.acc_zero();
        for &v in row {
            ar.acc_add(&mut acc, v);
        }
        let mean = ar.acc_finish_mean(acc, n).map_err(at(base))?;
        let d: Vec<A::Elem> = row.iter().map(|&v| ar.sub(v, mean)).collect::<Result<_, _>>().map_err(at(base))?;
        let mut squares = ar.acc_zero();
        for &e in &d {
            ar.acc_mac(&mut squares, e, e);
        }
        let mut sum = ar.acc_zero();
        ar.acc_add(&mut sum, ar.acc_finish_dot(squares).map_err(at(base))?);
        let var = ar.acc_finish_mean(sum, n).map_err(at(base))?;
        let denom = ar.sqrt(ar.add(var, eps).map_err(at(base))?).map_err(at(base))?;
        for (j, &e) in d.iter().enumerate() {
            let scaled = ar.div(e, denom).and_then(|q| ar.mul(q, pick(scale, r, j))).map_err(at(base + j))?;
            y.push(match bias {
                Some(b) => ar.add(scaled, pick(b, r, j)).map_err(at(base + j))?,
                None => scaled,
            });
        }
        means.push(mean);
        inv_stds.push(ar.div(one, denom).map_err(at(base))?);
    }
    Ok((y, means, inv_stds))
}

impl Kernel for LayerNormalization {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let xv = required(inputs, 0, "X")?;
        let x = xv.as_real(0, "X")?;
        let axis = self.first_axis(x.rank())?;
        let normalized = &x.shape()[axis..];
        let n: usize = normalized.iter().product();
        if n == 0 {
            return Err(KernelError::shape("LayerNormalization over zero elements"));
        }
        let scale =
            param(inputs, 1, "Scale", normalized)?.ok_or(KernelError::MissingInput { index: 1, name: "Scale" })?;
        let bias = param(inputs, 2, "B", normalized)?;
        let layout = Rows { n, groups: 1, block: 1 };
        let (y, means, inv_stds) = normalize(ar, x.data(), layout, scale, bias, self.epsilon)?;
        let mut stat_shape = x.shape()[..axis].to_vec();
        stat_shape.resize(x.rank(), 1);
        Ok(vec![
            Value::Real(Tensor::new(x.shape().to_vec(), y)?, xv.dtype()),
            Value::Real(Tensor::new(stat_shape.clone(), means)?, xv.dtype()),
            Value::Real(Tensor::new(stat_shape, inv_stds)?, xv.dtype()),
        ])
    }
}
