//! Shared by the tree-ensemble importers: the legacy per-node attribute lists
//! (TreeEnsembleClassifier/Regressor) read into a [`Forest`], and a forest
//! emitted as the Cairo library's `Forest` constants.

use cairn_runtime::ops::tree::{Forest, LegacyNodes, LegacyWeight, Node, Split};
use cairn_runtime::{Arith, FixedArith, Scale};

use super::attrs::Attrs;
use super::ml::Consts;

fn ints(a: &Attrs, name: &str) -> Result<Vec<i64>, String> {
    a.ints_opt(name)?.ok_or_else(|| format!("attribute '{name}' is required"))
}

/// The forest of a TreeEnsembleClassifier (`prefix` = `class`) or
/// TreeEnsembleRegressor (`target`) with `outputs` classes or targets.
pub fn legacy_forest(a: &Attrs, prefix: &str, outputs: usize) -> Result<Forest, String> {
    // Hit rates only order the evaluation; missing-value tracking concerns
    // NaN features, which fixed point cannot represent (inputs are numbers).
    a.ignore("nodes_hitrates");
    a.ignore("nodes_hitrates_as_tensor");
    a.ignore("nodes_missing_value_tracks_true");
    let values = a.reals_or_tensor("nodes_values")?.unwrap_or_default();
    let modes = a.strings_opt("nodes_modes")?.ok_or("attribute 'nodes_modes' is required")?;
    let node_ids = ints(a, "nodes_nodeids")?;
    let nodes = LegacyNodes {
        tree_ids: &ints(a, "nodes_treeids")?,
        node_ids: &node_ids,
        features: &ints(a, "nodes_featureids")?,
        modes: &modes,
        // Leaves may omit their (unused) threshold only if every node does.
        values: &if values.is_empty() { vec![0.0; node_ids.len()] } else { values },
        true_ids: &ints(a, "nodes_truenodeids")?,
        false_ids: &ints(a, "nodes_falsenodeids")?,
    };
    let tree_ids = ints(a, &format!("{prefix}_treeids"))?;
    let leaf_ids = ints(a, &format!("{prefix}_nodeids"))?;
    let ids = ints(a, &format!("{prefix}_ids"))?;
    let weights = a.reals_or_tensor(&format!("{prefix}_weights"))?.unwrap_or_default();
    let n = tree_ids.len();
    if leaf_ids.len() != n || ids.len() != n || weights.len() != n {
        return Err(format!(
            "{prefix}_treeids, {prefix}_nodeids, {prefix}_ids and {prefix}_weights have {n}, {}, {} and {} entries",
            leaf_ids.len(),
            ids.len(),
            weights.len()
        ));
    }
    let entries: Vec<LegacyWeight> = (0..n).map(|i| (tree_ids[i], leaf_ids[i], ids[i], weights[i])).collect();
    Forest::from_legacy(&nodes, &entries, outputs)
}

/// The Cairo mode code of a split (`cairo/src/ops/tree.cairo`).
fn mode_code(split: Split) -> usize {
    match split {
        Split::Leq => 1,
        Split::Lt => 2,
        Split::Gte => 3,
        Split::Gt => 4,
        Split::Eq => 5,
        Split::Neq => 6,
        Split::Member => 7,
    }
}

/// `cairn::ops::tree::Forest { .. }` over module constants: thresholds as
/// their `(floor, ceil)` brackets at the model scale, set-membership nodes as
/// ranges into the representable members, leaves as ranges into the weights.
pub fn forest_expr(c: &mut Consts<'_>, f: &Forest, scale: Scale) -> Result<String, String> {
    let fx = FixedArith::new(scale);
    let n = f.nodes.len();
    let (mut mode, mut feature, mut lo, mut hi) =
        (Vec::with_capacity(n), Vec::with_capacity(n), Vec::new(), Vec::new());
    let (mut if_true, mut if_false, mut members) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::new());
    for node in &f.nodes {
        match node {
            Node::Leaf { weights } => {
                mode.push(0);
                feature.push(0);
                lo.push(0);
                hi.push(0);
                if_true.push(weights.start);
                if_false.push(weights.end);
            }
            Node::Branch { split, feature: j, threshold, members: set, if_true: t, if_false: e } => {
                mode.push(mode_code(*split));
                feature.push(*j);
                if *split == Split::Member {
                    let start = members.len() as i64;
                    members.extend(set.iter().filter_map(|&m| {
                        let (l, h) = fx.bracket(m);
                        (l == h).then_some(l)
                    }));
                    lo.push(start);
                    hi.push(members.len() as i64);
                } else {
                    let (l, h) = fx.bracket(*threshold);
                    lo.push(l);
                    hi.push(h);
                }
                if_true.push(*t);
                if_false.push(*e);
            }
        }
    }
    let targets: Vec<usize> = f.weights.iter().map(|&(t, _)| t).collect();
    let weights: Vec<f64> = f.weights.iter().map(|&(_, w)| w).collect();
    Ok(format!(
        "cairn::ops::tree::Forest {{ mode: {}, feature: {}, lo: {}, hi: {}, if_true: {}, if_false: {}, roots: {}, members: {}, target: {}, weight: {} }}",
        c.typed("mode", "u8", &mode),
        c.typed("feature", "u32", &feature),
        c.felts("lo", &lo),
        c.felts("hi", &hi),
        c.typed("if_true", "u32", &if_true),
        c.typed("if_false", "u32", &if_false),
        c.typed("roots", "u32", &f.roots),
        c.felts("members", &members),
        c.typed("target", "u32", &targets),
        c.quantized("weight", &weights, scale)?,
    ))
}
