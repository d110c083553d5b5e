//! Decision trees shared by TreeEnsembleClassifier, TreeEnsembleRegressor and
//! TreeEnsemble: a validated forest and the walk of one row through it.
//!
//! Splits compare a feature with a threshold through `Arith::bracket`:
//! `x ≤ t` is `x ≤ ⌊t⌋`, `x < t` is `x < ⌈t⌉`, `x ≥ t` is `x ≥ ⌈t⌉`, `x > t` is
//! `x > ⌊t⌋`, and `x = t` holds only for a representable `t`. For every stored
//! (representable) input the branch taken is therefore exactly the float
//! comparison's; it can differ from the comparison of the original float input
//! only when quantizing that input moved it across the threshold, i.e. when
//! the input is within half a quantum (2^-(s+1)) of it. A tie — an input equal
//! to a threshold — goes the way the float comparison sends it.
//!
//! Fixed point has no NaN, so the missing-value tracking of the models is
//! irrelevant: every feature is a number.

use crate::arith::Arith;
use crate::error::KernelError;

/// The comparison of a branch node (`BRANCH_*` of the ONNX attributes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    Leq,
    Lt,
    Gte,
    Gt,
    Eq,
    Neq,
    /// `BRANCH_MEMBER` (ai.onnx.ml opset 5): the feature is one of a set.
    Member,
}

impl Split {
    /// The ONNX mode name (`BRANCH_LEQ`, ...).
    pub fn onnx_name(self) -> &'static str {
        match self {
            Split::Leq => "BRANCH_LEQ",
            Split::Lt => "BRANCH_LT",
            Split::Gte => "BRANCH_GTE",
            Split::Gt => "BRANCH_GT",
            Split::Eq => "BRANCH_EQ",
            Split::Neq => "BRANCH_NEQ",
            Split::Member => "BRANCH_MEMBER",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Branch {
        split: Split,
        feature: usize,
        /// The threshold (unused by `Member`).
        threshold: f64,
        /// The set of `Member` (empty otherwise).
        members: Vec<f64>,
        if_true: usize,
        if_false: usize,
    },
    /// `weights` indexes [`Forest::weights`].
    Leaf { weights: std::ops::Range<usize> },
}

/// Trees over one node array (children are indices into it).
#[derive(Clone, Debug, PartialEq)]
pub struct Forest {
    pub nodes: Vec<Node>,
    /// The root of each tree.
    pub roots: Vec<usize>,
    /// `(class or target, weight)` of the leaves, grouped by leaf.
    pub weights: Vec<(usize, f64)>,
}

/// A forest's thresholds in one domain, computed once per run.
pub struct Prepared<E> {
    /// `(⌊t⌋, ⌈t⌉)` per node (leaves and members: zeros).
    brackets: Vec<(E, E)>,
    /// Per node, the representable members of its set.
    members: Vec<Vec<E>>,
    pub weights: Vec<E>,
}

impl Forest {
    /// Checks the structure: every child index exists, no tree has a cycle,
    /// thresholds are numbers, weight targets are below `outputs`.
    pub fn validate(&self, outputs: usize) -> Result<(), String> {
        let n = self.nodes.len();
        for (i, node) in self.nodes.iter().enumerate() {
            match node {
                Node::Branch { if_true, if_false, threshold, members, .. } => {
                    if *if_true >= n || *if_false >= n {
                        return Err(format!("node {i} has a child outside the tree"));
                    }
                    if !threshold.is_finite() || members.iter().any(|m| !m.is_finite()) {
                        return Err(format!("node {i} has a threshold that is not a finite number"));
                    }
                }
                Node::Leaf { weights } => {
                    if weights.end > self.weights.len() || weights.start > weights.end {
                        return Err(format!("leaf {i} has an invalid weight range"));
                    }
                }
            }
        }
        if let Some((t, w)) = self.weights.iter().find(|(t, w)| *t >= outputs || !w.is_finite()) {
            return Err(format!("a leaf weight ({w}) names class or target {t}, but there are {outputs}"));
        }
        for &root in &self.roots {
            if root >= n {
                return Err(format!("tree root {root} does not exist"));
            }
            self.check_acyclic(root)?;
        }
        Ok(())
    }

    /// Depth-first walk with an explicit stack: a node met again while it is
    /// still on the current path is a cycle (shared subtrees are fine).
    fn check_acyclic(&self, root: usize) -> Result<(), String> {
        // 0: unseen, 1: on the path, 2: done.
        let mut state = vec![0u8; self.nodes.len()];
        let mut stack = vec![(root, false)];
        while let Some((i, leaving)) = stack.pop() {
            if leaving {
                state[i] = 2;
                continue;
            }
            match state[i] {
                1 => return Err(format!("the tree rooted at node {root} has a cycle through node {i}")),
                2 => continue,
                _ => {}
            }
            state[i] = 1;
            stack.push((i, true));
            if let Node::Branch { if_true, if_false, .. } = &self.nodes[i] {
                for &c in [if_true, if_false] {
                    if state[c] == 1 {
                        return Err(format!("the tree rooted at node {root} has a cycle through node {c}"));
                    }
                    if state[c] == 0 {
                        stack.push((c, false));
                    }
                }
            }
        }
        Ok(())
    }

    /// Largest feature index any split reads, if any split exists.
    pub fn max_feature(&self) -> Option<usize> {
        self.nodes
            .iter()
            .filter_map(|n| match n {
                Node::Branch { feature, .. } => Some(*feature),
                Node::Leaf { .. } => None,
            })
            .max()
    }

    pub fn prepare<A: Arith>(&self, ar: &A) -> Result<Prepared<A::Elem>, KernelError> {
        let zero = (ar.zero(), ar.zero());
        let mut brackets = Vec::with_capacity(self.nodes.len());
        let mut members = Vec::with_capacity(self.nodes.len());
        for node in &self.nodes {
            match node {
                Node::Branch { split: Split::Member, members: set, .. } => {
                    brackets.push(zero);
                    members.push(
                        set.iter()
                            .filter_map(|&m| {
                                let (lo, hi) = ar.bracket(m);
                                (lo == hi).then_some(lo)
                            })
                            .collect(),
                    );
                }
                Node::Branch { threshold, .. } => {
                    brackets.push(ar.bracket(*threshold));
                    members.push(Vec::new());
                }
                Node::Leaf { .. } => {
                    brackets.push(zero);
                    members.push(Vec::new());
                }
            }
        }
        let weights = self.weights.iter().map(|&(_, w)| ar.from_f64(w)).collect::<Result<_, _>>()?;
        Ok(Prepared { brackets, members, weights })
    }

    /// The leaf a row reaches from `root` (its weight range). The row must
    /// have more than [`Forest::max_feature`] columns.
    pub fn leaf<E: PartialOrd + Copy>(&self, p: &Prepared<E>, row: &[E], root: usize) -> std::ops::Range<usize> {
        let mut i = root;
        loop {
            match &self.nodes[i] {
                Node::Leaf { weights } => return weights.clone(),
                Node::Branch { split, feature, if_true, if_false, .. } => {
                    let x = row[*feature];
                    let (lo, hi) = p.brackets[i];
                    let exact = lo == hi && x == lo;
                    let go = match split {
                        Split::Leq => x <= lo,
                        Split::Lt => x < hi,
                        Split::Gte => x >= hi,
                        Split::Gt => x > lo,
                        Split::Eq => exact,
                        Split::Neq => !exact,
                        Split::Member => p.members[i].contains(&x),
                    };
                    i = if go { *if_true } else { *if_false };
                }
            }
        }
    }

    /// Checks the features cover every split.
    pub fn check_features(&self, columns: usize) -> Result<(), KernelError> {
        match self.max_feature() {
            Some(f) if f >= columns => {
                Err(KernelError::shape(format!("the trees read feature {f}, but the input has {columns} feature(s)")))
            }
            _ => Ok(()),
        }
    }
}

/// Builds a [`Forest`] from the per-node attribute lists of
/// TreeEnsembleClassifier/Regressor (ai.onnx.ml opsets 1–3): trees are the
/// runs of equal tree ids, rooted at their first listed node (as onnxruntime).
pub struct LegacyNodes<'a> {
    pub tree_ids: &'a [i64],
    pub node_ids: &'a [i64],
    pub features: &'a [i64],
    pub modes: &'a [String],
    pub values: &'a [f64],
    pub true_ids: &'a [i64],
    pub false_ids: &'a [i64],
}

/// A leaf weight entry: `(tree id, node id, class or target, weight)`.
pub type LegacyWeight = (i64, i64, i64, f64);

impl Forest {
    pub fn from_legacy(nodes: &LegacyNodes<'_>, entries: &[LegacyWeight], outputs: usize) -> Result<Forest, String> {
        let n = nodes.node_ids.len();
        for (what, len) in [
            ("nodes_treeids", nodes.tree_ids.len()),
            ("nodes_featureids", nodes.features.len()),
            ("nodes_modes", nodes.modes.len()),
            ("nodes_values", nodes.values.len()),
            ("nodes_truenodeids", nodes.true_ids.len()),
            ("nodes_falsenodeids", nodes.false_ids.len()),
        ] {
            if len != n {
                return Err(format!("{what} has {len} entries, nodes_nodeids has {n}"));
            }
        }
        let mut index = std::collections::HashMap::with_capacity(n);
        let mut roots = Vec::new();
        for i in 0..n {
            let key = (nodes.tree_ids[i], nodes.node_ids[i]);
            if index.insert(key, i).is_some() {
                return Err(format!("node {} of tree {} is defined twice", key.1, key.0));
            }
            if i == 0 || nodes.tree_ids[i] != nodes.tree_ids[i - 1] {
                if roots.iter().any(|&r: &usize| nodes.tree_ids[r] == nodes.tree_ids[i]) {
                    return Err(format!("the nodes of tree {} are not listed together", nodes.tree_ids[i]));
                }
                roots.push(i);
            }
        }
        // Leaf weights grouped by leaf, in the order they are listed.
        let mut by_leaf: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        for &(tree, node, target, w) in entries {
            let Some(&i) = index.get(&(tree, node)) else {
                return Err(format!("a weight names node {node} of tree {tree}, which does not exist"));
            };
            if nodes.modes[i] != "LEAF" {
                return Err(format!("a weight names node {node} of tree {tree}, which is not a leaf"));
            }
            let target = usize::try_from(target).map_err(|_| format!("class or target id {target} is negative"))?;
            by_leaf[i].push((target, w));
        }
        let mut forest = Forest { nodes: Vec::with_capacity(n), roots, weights: Vec::with_capacity(entries.len()) };
        for (i, leaf_weights) in by_leaf.iter().enumerate() {
            let node = if nodes.modes[i] == "LEAF" {
                let start = forest.weights.len();
                forest.weights.extend(leaf_weights.iter().copied());
                Node::Leaf { weights: start..forest.weights.len() }
            } else {
                let split = match nodes.modes[i].as_str() {
                    "BRANCH_LEQ" => Split::Leq,
                    "BRANCH_LT" => Split::Lt,
                    "BRANCH_GTE" => Split::Gte,
                    "BRANCH_GT" => Split::Gt,
                    "BRANCH_EQ" => Split::Eq,
                    "BRANCH_NEQ" => Split::Neq,
                    other => return Err(format!("node mode '{other}' is not supported")),
                };
                let child = |id: i64| {
                    index.get(&(nodes.tree_ids[i], id)).copied().ok_or_else(|| {
                        format!(
                            "node {} of tree {} branches to node {id}, which does not exist",
                            nodes.node_ids[i], nodes.tree_ids[i]
                        )
                    })
                };
                Node::Branch {
                    split,
                    feature: usize::try_from(nodes.features[i])
                        .map_err(|_| format!("feature id {} is negative", nodes.features[i]))?,
                    threshold: nodes.values[i],
                    members: Vec::new(),
                    if_true: child(nodes.true_ids[i])?,
                    if_false: child(nodes.false_ids[i])?,
                }
            };
            forest.nodes.push(node);
        }
        forest.validate(outputs)?;
        Ok(forest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;
    use crate::fixed::Scale;

    fn stump(split: Split, t: f64) -> Forest {
        Forest {
            nodes: vec![
                Node::Branch { split, feature: 0, threshold: t, members: vec![], if_true: 1, if_false: 2 },
                Node::Leaf { weights: 0..1 },
                Node::Leaf { weights: 1..2 },
            ],
            roots: vec![0],
            weights: vec![(0, 1.0), (0, 2.0)],
        }
    }

    #[test]
    fn splits_match_float_comparisons_on_representable_inputs() {
        let fx = FixedArith::new(Scale::new(4).unwrap()); // quantum 1/16
        for split in [Split::Leq, Split::Lt, Split::Gte, Split::Gt, Split::Eq, Split::Neq] {
            for t in [0.5, 0.53, -0.53, 0.0, 1.0 / 16.0, -3.0] {
                let f = stump(split, t);
                let p = f.prepare(&fx).unwrap();
                for k in -64i64..64 {
                    let x = k as f64 / 16.0;
                    let want = match split {
                        Split::Leq => x <= t,
                        Split::Lt => x < t,
                        Split::Gte => x >= t,
                        Split::Gt => x > t,
                        Split::Eq => x == t,
                        Split::Neq => x != t,
                        Split::Member => unreachable!(),
                    };
                    assert_eq!(f.leaf(&p, &[k], 0), if want { 0..1 } else { 1..2 }, "{split:?} {x} vs {t}");
                }
            }
        }
    }

    #[test]
    fn cycles_are_rejected() {
        let f = Forest {
            nodes: vec![
                Node::Branch {
                    split: Split::Leq,
                    feature: 0,
                    threshold: 0.0,
                    members: vec![],
                    if_true: 1,
                    if_false: 2,
                },
                Node::Branch {
                    split: Split::Leq,
                    feature: 0,
                    threshold: 0.0,
                    members: vec![],
                    if_true: 0,
                    if_false: 2,
                },
                Node::Leaf { weights: 0..0 },
            ],
            roots: vec![0],
            weights: vec![],
        };
        assert!(f.validate(1).unwrap_err().contains("cycle"));
    }
}
