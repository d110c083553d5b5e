//! `ai.onnx.ml.TreeEnsemble` (ai.onnx.ml opset 5) — the newer encoding of a
//! tree regressor: split nodes and leaves in separate lists, `tree_roots`,
//! set-membership splits. Evaluated exactly as TreeEnsembleRegressor (without
//! base values): SUM, AVERAGE, MIN or MAX of the reached leaves' weights per
//! target (0 for a target no leaf reaches), then the post-transform.
//! Fixed point: as TreeEnsembleRegressor; splits as in `tree.rs`.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_TreeEnsemble.html>

use super::ml::{features, real_matrix, PostTransform};
use super::tree::{Forest, Node, Split};
use super::tree_ensemble_regressor::{regress_row, Aggregate};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct TreeEnsemble {
    pub forest: Forest,
    pub targets: usize,
    pub aggregate: Aggregate,
    pub post_transform: PostTransform,
}

/// The attribute lists of a TreeEnsemble node.
pub struct SplitNodes<'a> {
    pub splits: &'a [f64],
    pub features: &'a [i64],
    pub modes: &'a [Split],
    pub true_ids: &'a [i64],
    pub true_leafs: &'a [bool],
    pub false_ids: &'a [i64],
    pub false_leafs: &'a [bool],
    /// Set members, one NaN-terminated run per MEMBER node in node order.
    pub membership_values: &'a [f64],
}

impl Forest {
    /// Split nodes keep their indices; leaf `j` becomes node `splits + j`.
    pub fn from_split_nodes(
        s: &SplitNodes<'_>,
        leaf_targets: &[i64],
        leaf_weights: &[f64],
        roots: &[i64],
        targets: usize,
    ) -> Result<Forest, String> {
        let n = s.splits.len();
        for (what, len) in [
            ("nodes_featureids", s.features.len()),
            ("nodes_modes", s.modes.len()),
            ("nodes_truenodeids", s.true_ids.len()),
            ("nodes_trueleafs", s.true_leafs.len()),
            ("nodes_falsenodeids", s.false_ids.len()),
            ("nodes_falseleafs", s.false_leafs.len()),
        ] {
            if len != n {
                return Err(format!("{what} has {len} entries, nodes_splits has {n}"));
            }
        }
        if leaf_targets.len() != leaf_weights.len() {
            return Err(format!("{} leaf target ids for {} leaf weights", leaf_targets.len(), leaf_weights.len()));
        }
        let leaves = leaf_weights.len();
        let index = |id: i64, leaf: bool| -> Result<usize, String> {
            let limit = if leaf { leaves } else { n };
            match usize::try_from(id) {
                Ok(i) if i < limit => Ok(if leaf { n + i } else { i }),
                _ => Err(format!("{} {id} does not exist", if leaf { "leaf" } else { "node" })),
            }
        };
        let mut sets = s.membership_values.split(|v| v.is_nan());
        let mut nodes = Vec::with_capacity(n + leaves);
        for i in 0..n {
            let members = if s.modes[i] == Split::Member {
                sets.next().ok_or("fewer membership sets than BRANCH_MEMBER nodes")?.to_vec()
            } else {
                Vec::new()
            };
            nodes.push(Node::Branch {
                split: s.modes[i],
                feature: usize::try_from(s.features[i])
                    .map_err(|_| format!("feature id {} is negative", s.features[i]))?,
                threshold: if s.modes[i] == Split::Member { 0.0 } else { s.splits[i] },
                members,
                if_true: index(s.true_ids[i], s.true_leafs[i])?,
                if_false: index(s.false_ids[i], s.false_leafs[i])?,
            });
        }
        let mut weights = Vec::with_capacity(leaves);
        for (j, (&t, &w)) in leaf_targets.iter().zip(leaf_weights).enumerate() {
            let t = usize::try_from(t).map_err(|_| format!("leaf target id {t} is negative"))?;
            weights.push((t, w));
            nodes.push(Node::Leaf { weights: j..j + 1 });
        }
        let mut tree_roots = Vec::with_capacity(roots.len());
        for &r in roots {
            let r = index(r, false)?;
            // A tree that is a single leaf: a root whose both branches are that leaf.
            let root = match &nodes[r] {
                Node::Branch { if_true, if_false, .. } if if_true == if_false && *if_true >= n => *if_true,
                _ => r,
            };
            tree_roots.push(root);
        }
        let forest = Forest { nodes, roots: tree_roots, weights };
        forest.validate(targets)?;
        Ok(forest)
    }
}

impl Kernel for TreeEnsemble {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        self.forest.validate(self.targets).map_err(|e| KernelError::invalid("attributes", e))?;
        let (n, c, x) = features(ar, inputs, 0, "X")?;
        self.forest.check_features(c)?;
        let p = self.forest.prepare(ar)?;
        let k = self.targets;
        let mut out = Vec::with_capacity(n * k);
        for r in 0..n {
            let row = &x[r * c..(r + 1) * c];
            let y = regress_row(ar, &self.forest, &p, row, k, self.aggregate, &[]).map_err(at(r * k))?;
            self.post_transform.apply(ar, &y, &mut out).map_err(at(r * k))?;
        }
        // Unlike the older tree operators, the output has the input's float type.
        let dtype = match inputs.first() {
            Some(Some(Value::Real(_, dt))) => *dt,
            _ => crate::dtype::DType::F32,
        };
        match real_matrix(n, k, out)? {
            Value::Real(t, _) => Ok(vec![Value::Real(t, dtype)]),
            other => Ok(vec![other]),
        }
    }
}
