//! Import of `ai.onnx.ml.TreeEnsembleClassifier` (ai.onnx.ml opsets 1–3): the
//! per-node lists `nodes_*`, the leaf weights `class_*`, `classlabels_int64s`
//! or `classlabels_strings`, `base_values`, `post_transform`; the `_as_tensor`
//! forms of the real lists (opset 3).

use cairn_runtime::ops::ml::Binary;
use cairn_runtime::ops::tree_ensemble_classifier::TreeEnsembleClassifier;
use cairn_runtime::{Arith, FixedArith};

use super::attrs::{Attrs, ImportResult};
use super::ml::{class_labels, features, label_values, post_expr, post_transform, select_pair, Consts};
use super::tree::{forest_expr, legacy_forest};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let (labels, label_names) = label_values(&class_labels(a, "classlabels_int64s", "classlabels_strings")?);
    let forest = legacy_forest(a, "class", labels.len())?;
    let k = TreeEnsembleClassifier {
        forest,
        labels,
        label_names,
        base_values: a.reals_or_tensor("base_values")?.unwrap_or_default(),
        post_transform: post_transform(a)?,
    };
    k.check()?;
    Ok(Box::new(k))
}

/// Emits `cairn::ops::tree_ensemble_classifier::tree_ensemble_classifier`
/// with the forest, the labels and base values as constants, and the binary
/// rule decided at transpile time (threshold ⌊0.5⌋ or 0, the expansion).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &TreeEnsembleClassifier = n.kernel()?;
    let (xs, rows, cols) = features(n.input(0)?)?;
    let fx = FixedArith::new(n.scale);
    let mut c = Consts::new(n);
    let forest = forest_expr(&mut c, &k.forest, n.scale)?;
    let labels = c.felts("labels", &k.labels);
    let base = c.quantized("base_values", &k.base_values, n.scale)?;
    let threshold = if k.weights_all_positive() { fx.bracket(0.5).0 } else { 0 };
    let expansion = match k.binary_expansion() {
        Binary::Complement => "cairn::ops::ml::Complement {}",
        Binary::Negate => "cairn::ops::ml::Negate {}",
        Binary::Logistic => "cairn::ops::ml::LogisticPair {}",
    };
    let call = format!(
        "cairn::ops::tree_ensemble_classifier::tree_ensemble_classifier(sc, {xs}, {rows}, {cols}, {forest}, {labels}, {base}, {}, {threshold}, {expansion}, {})",
        k.is_binary(),
        post_expr(k.post_transform, n.scale)
    );
    Ok(NodeCode { items: c.items, body: select_pair(n, call) })
}
