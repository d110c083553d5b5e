//! Import of `ai.onnx.ml.TreeEnsembleRegressor` (ai.onnx.ml opsets 1–3): the
//! per-node lists `nodes_*`, the leaf weights `target_*`, `n_targets`,
//! `aggregate_function`, `base_values`, `post_transform`; the `_as_tensor`
//! forms of the real lists (opset 3).

use cairn_runtime::ops::tree_ensemble_regressor::{Aggregate, TreeEnsembleRegressor};

use super::attrs::{Attrs, ImportResult};
use super::ml::{features, post_expr, post_transform, Consts};
use super::tree::{forest_expr, legacy_forest};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let targets = a.int_opt("n_targets")?.ok_or("attribute 'n_targets' is required")?;
    let targets =
        usize::try_from(targets).ok().filter(|&t| t > 0).ok_or(format!("n_targets must be positive, got {targets}"))?;
    let aggregate = match a.string("aggregate_function", "SUM")?.as_str() {
        "SUM" => Aggregate::Sum,
        "AVERAGE" => Aggregate::Average,
        "MIN" => Aggregate::Min,
        "MAX" => Aggregate::Max,
        other => return Err(format!("unknown aggregate_function '{other}'")),
    };
    let k = TreeEnsembleRegressor {
        forest: legacy_forest(a, "target", targets)?,
        targets,
        aggregate,
        base_values: a.reals_or_tensor("base_values")?.unwrap_or_default(),
        post_transform: post_transform(a)?,
    };
    k.check()?;
    Ok(Box::new(k))
}

/// The Cairo library's code of an aggregate function.
pub fn aggregate_code(a: Aggregate) -> &'static str {
    match a {
        Aggregate::Sum => "cairn::ops::tree_ensemble_regressor::SUM",
        Aggregate::Average => "cairn::ops::tree_ensemble_regressor::AVERAGE",
        Aggregate::Min => "cairn::ops::tree_ensemble_regressor::MIN",
        Aggregate::Max => "cairn::ops::tree_ensemble_regressor::MAX",
    }
}

/// Emits `cairn::ops::tree_ensemble_regressor::tree_ensemble_regressor`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &TreeEnsembleRegressor = n.kernel()?;
    let (xs, rows, cols) = features(n.input(0)?)?;
    let mut c = Consts::new(n);
    let forest = forest_expr(&mut c, &k.forest, n.scale)?;
    let base = c.quantized("base_values", &k.base_values, n.scale)?;
    Ok(NodeCode {
        items: c.items,
        body: format!(
            "cairn::ops::tree_ensemble_regressor::tree_ensemble_regressor(sc, {xs}, {rows}, {cols}, {forest}, {}, {}, {base}, {})",
            k.targets,
            aggregate_code(k.aggregate),
            post_expr(k.post_transform, n.scale)
        ),
    })
}
