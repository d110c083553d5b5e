//! Import of `ai.onnx.ml.TreeEnsemble` (ai.onnx.ml opset 5): `nodes_splits`,
//! `nodes_featureids`, `nodes_modes`, `nodes_truenodeids`/`nodes_trueleafs`,
//! `nodes_falsenodeids`/`nodes_falseleafs`, `leaf_targetids`, `leaf_weights`,
//! `tree_roots`, `membership_values`, `n_targets`, `aggregate_function`,
//! `post_transform` (enums as ints in this opset).

use cairn_runtime::ops::ml::PostTransform;
use cairn_runtime::ops::tree::{Forest, Split};
use cairn_runtime::ops::tree_ensemble::{SplitNodes, TreeEnsemble};
use cairn_runtime::ops::tree_ensemble_regressor::Aggregate;

use super::attrs::{Attrs, ImportResult};
use super::ml::{features, parse_post_transform, post_expr, Consts};
use super::tree::forest_expr;
use super::tree_ensemble_regressor::aggregate_code;
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

fn ints(a: &Attrs, name: &str) -> Result<Vec<i64>, String> {
    a.ints_opt(name)?.ok_or_else(|| format!("attribute '{name}' is required"))
}

fn tensor_reals(a: &Attrs, name: &str) -> Result<Vec<f64>, String> {
    a.tensor_reals_opt(name)?.ok_or_else(|| format!("attribute '{name}' is required"))
}

fn flags(a: &Attrs, name: &str) -> Result<Vec<bool>, String> {
    ints(a, name)?
        .into_iter()
        .map(|v| match v {
            0 => Ok(false),
            1 => Ok(true),
            other => Err(format!("'{name}' entries must be 0 or 1, got {other}")),
        })
        .collect()
}

fn split_mode(code: i64) -> Result<Split, String> {
    Ok(match code {
        0 => Split::Leq,
        1 => Split::Lt,
        2 => Split::Gte,
        3 => Split::Gt,
        4 => Split::Eq,
        5 => Split::Neq,
        6 => Split::Member,
        other => return Err(format!("unknown node mode {other}")),
    })
}

pub fn import(a: &Attrs) -> ImportResult {
    let targets = a.int_opt("n_targets")?.ok_or("attribute 'n_targets' is required")?;
    let targets =
        usize::try_from(targets).ok().filter(|&t| t > 0).ok_or(format!("n_targets must be positive, got {targets}"))?;
    let aggregate = match a.int("aggregate_function", 1)? {
        0 => Aggregate::Average,
        1 => Aggregate::Sum,
        2 => Aggregate::Min,
        3 => Aggregate::Max,
        other => return Err(format!("unknown aggregate_function {other}")),
    };
    let post = match a.int("post_transform", 0)? {
        0 => "NONE",
        1 => "SOFTMAX",
        2 => "LOGISTIC",
        3 => "SOFTMAX_ZERO",
        4 => "PROBIT",
        other => return Err(format!("unknown post_transform {other}")),
    };
    let post_transform: PostTransform = parse_post_transform(post)?;
    let modes = a
        .tensor_ints_opt("nodes_modes")?
        .ok_or("attribute 'nodes_modes' is required")?
        .into_iter()
        .map(split_mode)
        .collect::<Result<Vec<_>, _>>()?;
    let membership_values = a.tensor_reals_opt("membership_values")?.unwrap_or_default();
    let forest = Forest::from_split_nodes(
        &SplitNodes {
            splits: &tensor_reals(a, "nodes_splits")?,
            features: &ints(a, "nodes_featureids")?,
            modes: &modes,
            true_ids: &ints(a, "nodes_truenodeids")?,
            true_leafs: &flags(a, "nodes_trueleafs")?,
            false_ids: &ints(a, "nodes_falsenodeids")?,
            false_leafs: &flags(a, "nodes_falseleafs")?,
            membership_values: &membership_values,
        },
        &ints(a, "leaf_targetids")?,
        &tensor_reals(a, "leaf_weights")?,
        &ints(a, "tree_roots")?,
        targets,
    )?;
    Ok(Box::new(TreeEnsemble { forest, targets, aggregate, post_transform }))
}

/// Emits `cairn::ops::tree_ensemble::tree_ensemble`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &TreeEnsemble = n.kernel()?;
    let (xs, rows, cols) = features(n.input(0)?)?;
    let mut c = Consts::new(n);
    let forest = forest_expr(&mut c, &k.forest, n.scale)?;
    Ok(NodeCode {
        items: c.items,
        body: format!(
            "cairn::ops::tree_ensemble::tree_ensemble(sc, {xs}, {rows}, {cols}, {forest}, {}, {}, {})",
            k.targets,
            aggregate_code(k.aggregate),
            post_expr(k.post_transform, n.scale)
        ),
    })
}
