//! Import of `ai.onnx.ml.LinearClassifier`: `coefficients`, `intercepts`,
//! `classlabels_ints` or `classlabels_strings`, `multi_class` (onnxruntime
//! ignores it; so does cairn), `post_transform`.

use cairn_runtime::ops::linear_classifier::LinearClassifier;

use super::attrs::{Attrs, ImportResult};
use super::ml::{class_labels, features, label_values, post_expr, post_transform, reals, select_pair, Consts};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let coefficients = reals(a, "coefficients")?;
    let intercepts = a.reals_opt("intercepts")?.unwrap_or_default();
    let (labels, label_names) = label_values(&class_labels(a, "classlabels_ints", "classlabels_strings")?);
    // onnxruntime reads `multi_class` but never uses it: the scores are the
    // same for one-vs-rest and multinomial models.
    a.ignore("multi_class");
    if labels.len() < 2 {
        return Err(format!("{} class label(s); a classifier needs at least 2", labels.len()));
    }
    Ok(Box::new(LinearClassifier { coefficients, intercepts, labels, label_names, post_transform: post_transform(a)? }))
}

/// Emits `cairn::ops::linear_classifier::linear_classifier`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &LinearClassifier = n.kernel()?;
    let (xs, rows, cols) = features(n.input(0)?)?;
    let score_rows = k.coefficients.len() / cols.max(1);
    let mut c = Consts::new(n);
    let w = c.quantized("coefficients", &k.coefficients, n.scale)?;
    let intercepts = if k.intercepts.is_empty() { vec![0.0; score_rows] } else { k.intercepts.clone() };
    let b = c.quantized("intercepts", &intercepts, n.scale)?;
    let labels = c.felts("labels", &k.labels);
    let call = format!(
        "cairn::ops::linear_classifier::linear_classifier(sc, {xs}, {rows}, {cols}, {w}, {b}, {score_rows}, {labels}, {})",
        post_expr(k.post_transform, n.scale)
    );
    Ok(NodeCode { items: c.items, body: select_pair(n, call) })
}
