//! Models bigger than one trace: a network cut into stages, each a
//! contiguous run of its nodes compiled as a program of its own
//! (docs/staged.md).
//!
//! A stage reads the tensors that cross the cut before it and produces the
//! tensors that cross the cut after it, so stage i's outputs are, in order,
//! stage i+1's inputs: chained runs hand over the stored (fixed-point)
//! values cell for cell, and the chain computes exactly what the whole
//! model computes (every op keeps its semantics; only where the Cairo code
//! starts and ends changes).
//!
//! Constant values (initializers, Constant nodes, subgraphs the transpiler
//! folds) never cross a cut: each stage carries the constant nodes it needs.
//! A cut is allowed only where every crossing tensor is computed from the
//! model's inputs.
//!
//! [`onnx`] writes each stage as an ONNX model of its own, which the
//! ordinary transpiler turns into an ordinary package.

pub mod onnx;

use std::collections::BTreeSet;

use cairn_runtime::DType;
use thiserror::Error;

use crate::network::{NetNode, Network, Slot};
use crate::ops;
use crate::shapes::NodeShapes;

#[derive(Debug, Error)]
pub enum StageError {
    #[error("cannot cut the model into {want} stages: it has only {cuts} places where a cut is possible (between nodes whose crossing tensors are all computed), so at most {max} stages", max = .cuts + 1)]
    TooFewCuts { want: usize, cuts: usize },
    #[error("a model needs at least one stage")]
    NoStages,
    #[error("shape inference failed: {0}")]
    Shapes(String),
    #[error("cannot write stage {stage} as an ONNX model: {reason}")]
    Onnx { stage: usize, reason: String },
}

/// One stage: the computed nodes `nodes` (network indices, a contiguous
/// range of the computed nodes), the constant nodes they need, and the
/// tensors it reads and writes, in cell order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    /// Network indices of the computed nodes (in order).
    pub computed: Vec<usize>,
    /// Network indices of the constant nodes the computed ones need.
    pub constant: Vec<usize>,
    pub inputs: Vec<Slot>,
    pub outputs: Vec<Slot>,
}

/// Where a network is cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StagePlan {
    pub stages: Vec<Stage>,
}

/// The network's dataflow as stages see it: which slots are constant, which
/// nodes are computed, what each computed node needs.
pub struct Dataflow<'a> {
    net: &'a Network,
    /// Per slot: constant at transpile time.
    constant: Vec<bool>,
    /// Per slot: the node producing it (`None`: a graph input or constant).
    producer: Vec<Option<usize>>,
    /// Network indices of the computed nodes, in order.
    computed: Vec<usize>,
    /// Per network node: its position among the computed nodes (`None`
    /// for a constant node).
    position: Vec<Option<usize>>,
    /// Per network node: the computed slots it needs (directly, or through
    /// the shape-reading constant nodes it depends on) and the constant
    /// nodes it depends on.
    needs: Vec<BTreeSet<Slot>>,
    cone: Vec<BTreeSet<usize>>,
}

/// Operators whose outputs depend only on their inputs' shapes: the
/// transpiler folds them (codegen's `reads_only_shapes`).
fn reads_only_shapes(node: &NetNode) -> bool {
    node.domain == ops::ONNX && matches!(node.op_type.as_str(), "Shape" | "Size")
}

impl<'a> Dataflow<'a> {
    pub fn new(net: &'a Network) -> Dataflow<'a> {
        let slots = net.slot_names.len();
        let mut constant = vec![false; slots];
        let mut producer = vec![None; slots];
        for c in &net.constants {
            constant[c.slot] = true;
        }
        let mut computed = Vec::new();
        let mut needs: Vec<BTreeSet<Slot>> = vec![BTreeSet::new(); net.nodes.len()];
        let mut cone: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); net.nodes.len()];
        for (i, node) in net.nodes.iter().enumerate() {
            let inputs: Vec<Slot> = node.inputs.iter().flatten().copied().collect();
            // The emitter's rule: a node folds when it has no inputs, when
            // every input is constant, or when it reads only shapes.
            let folds = inputs.iter().all(|&s| constant[s]) || reads_only_shapes(node);
            let (mut need, mut deps): (BTreeSet<Slot>, BTreeSet<usize>) = (BTreeSet::new(), BTreeSet::new());
            for &s in &inputs {
                match producer[s] {
                    Some(p) if constant[s] => {
                        deps.insert(p);
                        deps.extend(cone[p].iter().copied());
                        need.extend(needs[p].iter().copied());
                    }
                    _ if constant[s] => {}
                    _ => {
                        need.insert(s);
                    }
                }
            }
            for s in node.outputs.iter().flatten() {
                producer[*s] = Some(i);
                constant[*s] = folds;
            }
            if !folds {
                computed.push(i);
            }
            needs[i] = need;
            cone[i] = deps;
        }
        let mut position = vec![None; net.nodes.len()];
        for (k, &i) in computed.iter().enumerate() {
            position[i] = Some(k);
        }
        Dataflow { net, constant, producer, computed, position, needs, cone }
    }

    /// Network indices of the computed nodes, in order.
    pub fn computed(&self) -> &[usize] {
        &self.computed
    }

    /// The computed slots crossing a cut before the `k`-th computed node
    /// (0 < k < computed nodes): made before it (graph inputs included),
    /// needed at or after it, or a graph output. In slot order.
    pub fn crossing(&self, k: usize) -> Vec<Slot> {
        let made_before = |s: Slot| match self.producer[s] {
            None => true,
            Some(p) => self.position[p].is_some_and(|q| q < k),
        };
        let mut out: BTreeSet<Slot> = BTreeSet::new();
        for &j in &self.computed[k..] {
            out.extend(self.needs[j].iter().copied().filter(|&s| made_before(s)));
        }
        for o in &self.net.outputs {
            if !self.constant[o.slot] && made_before(o.slot) {
                out.insert(o.slot);
            }
        }
        out.into_iter().collect()
    }

    /// Whether a cut before the `k`-th computed node is possible: something
    /// crosses it and nothing constant does (constants are carried, never
    /// handed over).
    pub fn can_cut(&self, k: usize) -> bool {
        k > 0 && k < self.computed.len() && !self.crossing(k).is_empty()
    }

    /// Every possible cut.
    pub fn cuts(&self) -> Vec<usize> {
        (1..self.computed.len()).filter(|&k| self.can_cut(k)).collect()
    }

    /// The stages for cuts before the given computed nodes (increasing,
    /// each possible).
    pub fn plan(&self, cuts: &[usize]) -> StagePlan {
        let mut bounds = vec![0];
        bounds.extend_from_slice(cuts);
        bounds.push(self.computed.len());
        let stages = bounds
            .windows(2)
            .enumerate()
            .map(|(i, w)| {
                let computed: Vec<usize> = self.computed[w[0]..w[1]].to_vec();
                let mut constant: BTreeSet<usize> =
                    computed.iter().flat_map(|&j| self.cone[j].iter().copied()).collect();
                // a constant graph output is made by the last stage
                if w[1] == self.computed.len() {
                    for o in &self.net.outputs {
                        if let (true, Some(p)) = (self.constant[o.slot], self.producer[o.slot]) {
                            constant.insert(p);
                            constant.extend(self.cone[p].iter().copied());
                        }
                    }
                }
                let inputs =
                    if i == 0 { self.net.inputs.iter().map(|g| g.slot).collect() } else { self.crossing(w[0]) };
                let outputs = if w[1] == self.computed.len() {
                    self.net.outputs.iter().map(|o| o.slot).collect()
                } else {
                    self.crossing(w[1])
                };
                Stage { computed, constant: constant.into_iter().collect(), inputs, outputs }
            })
            .collect();
        StagePlan { stages }
    }

    /// `n` stages of about equal cost (`costs`: one per computed node), each
    /// cut at the possible place nearest its share.
    pub fn balanced(&self, n: usize, costs: &[u64]) -> Result<StagePlan, StageError> {
        if n == 0 {
            return Err(StageError::NoStages);
        }
        let all = self.cuts();
        if n - 1 > all.len() {
            return Err(StageError::TooFewCuts { want: n, cuts: all.len() });
        }
        // Cutting a dense layer from the activation or pool the fast path
        // folds into its rounding costs a pass of its own: avoided while
        // other cuts remain.
        let unfused: Vec<usize> = all.iter().copied().filter(|&k| !self.splits_fusion(k)).collect();
        let cuts = if unfused.len() >= n - 1 { unfused } else { all };
        // cost before each possible cut
        let mut before = vec![0u64; self.computed.len() + 1];
        for (k, c) in costs.iter().enumerate() {
            before[k + 1] = before[k] + c;
        }
        let total = before[self.computed.len()];
        let mut chosen: Vec<usize> = Vec::new();
        for i in 1..n {
            let target = total as u128 * i as u128 / n as u128;
            // the remaining stages each need a cut of their own
            let lo = chosen.last().map_or(0, |&c| cuts.iter().position(|&x| x == c).unwrap_or(0) + 1);
            let hi = cuts.len() - (n - 1 - i);
            let best =
                (lo..hi).min_by_key(|&p| (before[cuts[p]] as u128).abs_diff(target)).expect("enough cuts remain");
            chosen.push(cuts[best]);
        }
        Ok(self.plan(&chosen))
    }

    /// Stages each costing at most `budget` (`costs`: one per computed
    /// node), cut greedily: a stage grows while its nodes fit, and ends at
    /// the last possible cut before the node that would not (never between
    /// a dense layer and the activation or pool folded into it). A node
    /// costing more than the budget on its own gets a stage of its own,
    /// which then does not fit: the caller measures and says so.
    pub fn within(&self, budget: u64, costs: &[u64]) -> StagePlan {
        // A dense layer and the activation and pool folded into it are one
        // unit: apart, each would pay a pass of its own.
        let possible: BTreeSet<usize> = self.unit_cuts().into_iter().collect();
        let mut cuts: Vec<usize> = Vec::new();
        let mut start = 0;
        let mut sum = 0u64;
        let mut k = 0;
        while k < self.computed.len() {
            let c = costs.get(k).copied().unwrap_or(0);
            if sum + c > budget && k > start {
                if let Some(&cut) = possible.range(start + 1..=k).next_back() {
                    cuts.push(cut);
                    start = cut;
                    sum = costs[cut..k].iter().sum();
                    continue;
                }
            }
            sum += c;
            k += 1;
        }
        self.plan(&cuts)
    }

    /// The possible cuts that keep every dense layer with the activation
    /// and pool folded into it.
    pub fn unit_cuts(&self) -> Vec<usize> {
        self.cuts().into_iter().filter(|&k| !self.splits_fusion(k)).collect()
    }

    /// Whether `stage` could be cut further (a possible cut lies inside it
    /// that keeps the folded units whole).
    pub fn divisible(&self, stage: &Stage) -> bool {
        let position = |i: &usize| self.position[*i];
        match (stage.computed.first().and_then(position), stage.computed.last().and_then(position)) {
            (Some(a), Some(b)) => self.unit_cuts().iter().any(|&k| a < k && k <= b),
            _ => false,
        }
    }

    /// Whether a cut before the `k`-th computed node separates a dense
    /// layer (Conv, Gemm, MatMul) from the Relu, Clip or MaxPool that reads
    /// its output next (or the MaxPool after that activation): the chain
    /// the fast path folds into one rounding.
    fn splits_fusion(&self, k: usize) -> bool {
        let node = |j: usize| &self.net.nodes[self.computed[j]];
        let reads = |a: &NetNode, b: &NetNode| {
            b.inputs.first().copied().flatten().is_some_and(|s| a.outputs.contains(&Some(s)))
        };
        let dense = |n: &NetNode| matches!(n.op_type.as_str(), "Conv" | "Gemm" | "MatMul");
        let activation = |n: &NetNode| matches!(n.op_type.as_str(), "Relu" | "Clip");
        let (before, after) = (node(k - 1), node(k));
        let chain_before =
            dense(before) || (activation(before) && k >= 2 && dense(node(k - 2)) && reads(node(k - 2), before));
        let folds = activation(after) || after.op_type == "MaxPool";
        chain_before && folds && reads(before, after)
    }

    /// A static estimate of each computed node's cost, for balancing: its
    /// output elements, plus its multiply-accumulates for the dense ops.
    /// (A measured cost is better; this needs no run.)
    pub fn estimated_costs(&self, shapes: &[NodeShapes]) -> Vec<u64> {
        self.computed
            .iter()
            .map(|&i| {
                let node = &self.net.nodes[i];
                let out: u64 = shapes[i].outputs.iter().map(|(_, s)| s.iter().product::<usize>() as u64).sum();
                let weight_shape = node.inputs.get(1).copied().flatten().and_then(|s| {
                    // (a graph input's shape is not needed: weights are computed or constant)
                    self.slot_type(s, shapes, &[])
                        .map(|(_, shape)| shape)
                        .or_else(|| self.net.constants.iter().find(|c| c.slot == s).map(|c| c.literal.shape.clone()))
                });
                // products per output: the weight's size over the output channels
                let out_shape = shapes[i].outputs.first().map(|(_, s)| s.clone()).unwrap_or_default();
                let channels = match node.op_type.as_str() {
                    "Conv" => out_shape.get(1).copied(),
                    "Gemm" | "MatMul" => out_shape.last().copied(),
                    _ => None,
                };
                let reduction = match (channels, weight_shape) {
                    (Some(c), Some(w)) if c > 0 => (w.iter().product::<usize>() / c) as u64,
                    _ => 0,
                };
                out * (8 + reduction)
            })
            .collect()
    }

    /// The dtype and shape of a slot, for a stage's declared inputs and outputs.
    pub fn slot_type(
        &self,
        s: Slot,
        shapes: &[NodeShapes],
        input_shapes: &[Vec<usize>],
    ) -> Option<(DType, Vec<usize>)> {
        match self.producer[s] {
            Some(p) => {
                let k = self.net.nodes[p].outputs.iter().position(|o| *o == Some(s))?;
                shapes.get(p)?.outputs.get(k).cloned()
            }
            None => {
                let i = self.net.inputs.iter().position(|g| g.slot == s)?;
                Some((self.net.inputs[i].dtype, input_shapes.get(i)?.clone()))
            }
        }
    }
}
