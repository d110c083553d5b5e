//! `ai.onnx.ml.TreeEnsembleRegressor` — `n_targets` outputs aggregated over
//! the trees from the weights of the reached leaves: SUM (default), AVERAGE
//! (the sum over the number of trees), MIN or MAX; then each target's base
//! value is added and the post-transform applied (`ml.rs`). As onnxruntime,
//! a target no reached leaf gives a weight to is 0 before its base value.
//!
//! Fixed point: weights and base values are quantized at the model scale;
//! SUM is exact (base value included, range-checked once); AVERAGE divides
//! the exact sum once (rounded half up) and adds the base value; MIN and MAX
//! compare stored values (exact). Splits as in `tree.rs`.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_TreeEnsembleRegressor.html>

use super::ml::{features, quantize_all, real_matrix, PostTransform};
use super::tree::Forest;
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aggregate {
    Sum,
    Average,
    Min,
    Max,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TreeEnsembleRegressor {
    pub forest: Forest,
    pub targets: usize,
    pub aggregate: Aggregate,
    /// Empty or one per target.
    pub base_values: Vec<f64>,
    pub post_transform: PostTransform,
}

/// Aggregates the leaves one row reaches into `targets` values (base values
/// included) — shared with TreeEnsemble.
pub(crate) fn regress_row<A: Arith>(
    ar: &A,
    forest: &Forest,
    p: &super::tree::Prepared<A::Elem>,
    row: &[A::Elem],
    targets: usize,
    aggregate: Aggregate,
    base: &[A::Elem],
) -> Result<Vec<A::Elem>, crate::error::ArithError> {
    let mut acc: Vec<A::Acc> = (0..targets).map(|_| ar.acc_zero()).collect();
    let mut extreme: Vec<Option<A::Elem>> = vec![None; targets];
    for &root in &forest.roots {
        for w in forest.leaf(p, row, root) {
            let (t, v) = (forest.weights[w].0, p.weights[w]);
            match aggregate {
                Aggregate::Sum | Aggregate::Average => ar.acc_add(&mut acc[t], v),
                Aggregate::Min => extreme[t] = Some(extreme[t].map_or(v, |e| if v < e { v } else { e })),
                Aggregate::Max => extreme[t] = Some(extreme[t].map_or(v, |e| if v > e { v } else { e })),
            }
        }
    }
    let mut out = Vec::with_capacity(targets);
    for (t, a) in acc.into_iter().enumerate() {
        let b = base.get(t).copied();
        let v = match aggregate {
            Aggregate::Sum => {
                let mut a = a;
                if let Some(b) = b {
                    ar.acc_add(&mut a, b);
                }
                ar.acc_finish_sum(a)?
            }
            Aggregate::Average => {
                let mean = ar.acc_finish_mean(a, forest.roots.len().max(1))?;
                match b {
                    Some(b) => ar.add(mean, b)?,
                    None => mean,
                }
            }
            Aggregate::Min | Aggregate::Max => {
                let e = extreme[t].unwrap_or_else(|| ar.zero());
                match b {
                    Some(b) => ar.add(e, b)?,
                    None => e,
                }
            }
        };
        out.push(v);
    }
    Ok(out)
}

impl TreeEnsembleRegressor {
    pub fn check(&self) -> Result<(), String> {
        if self.targets == 0 {
            return Err("n_targets must be at least 1".into());
        }
        if !self.base_values.is_empty() && self.base_values.len() != self.targets {
            return Err(format!("{} base values for {} targets", self.base_values.len(), self.targets));
        }
        self.forest.validate(self.targets)
    }
}

impl Kernel for TreeEnsembleRegressor {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        self.check().map_err(|e| KernelError::invalid("attributes", e))?;
        let (n, c, x) = features(ar, inputs, 0, "X")?;
        self.forest.check_features(c)?;
        let p = self.forest.prepare(ar)?;
        let base = quantize_all(ar, &self.base_values)?;
        let k = self.targets;
        let mut out = Vec::with_capacity(n * k);
        for r in 0..n {
            let row = &x[r * c..(r + 1) * c];
            let y = regress_row(ar, &self.forest, &p, row, k, self.aggregate, &base).map_err(at(r * k))?;
            self.post_transform.apply(ar, &y, &mut out).map_err(at(r * k))?;
        }
        Ok(vec![real_matrix(n, k, out)?])
    }
}
