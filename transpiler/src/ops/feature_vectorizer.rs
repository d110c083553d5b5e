//! Import of `ai.onnx.ml.FeatureVectorizer`: `inputdimensions`.

use cairn_runtime::ops::feature_vectorizer::FeatureVectorizer;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let dims = a.ints_opt("inputdimensions")?.ok_or("attribute 'inputdimensions' is required")?;
    let input_dimensions = dims
        .iter()
        .map(|&d| usize::try_from(d).map_err(|_| format!("input dimension {d} is negative")))
        .collect::<Result<_, _>>()?;
    Ok(Box::new(FeatureVectorizer { input_dimensions }))
}

/// Emits `cairn::ops::feature_vectorizer::feature_vectorizer` over the inputs
/// (integer inputs converted to reals first).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &FeatureVectorizer = n.kernel()?;
    let mut parts = Vec::new();
    let mut columns = Vec::new();
    let mut rows = 0;
    for i in 0..n.inputs.len() {
        let x = n.input(i)?;
        let (r, c) = match x.shape.as_slice() {
            [r] => (*r, 1),
            [r, c] => (*r, *c),
            other => return Err(format!("input #{i} has shape {other:?}")),
        };
        rows = r;
        parts.push(format!("cairn::ops::ml::reals(sc, {}, {})", x.expr, !x.dtype.is_real()));
        columns.push(c.to_string());
    }
    let widths: Vec<String> = k.input_dimensions.iter().map(|d| d.to_string()).collect();
    Ok(NodeCode::expr(format!(
        "cairn::ops::feature_vectorizer::feature_vectorizer({rows}, array![{}].span(), array![{}].span(), array![{}].span())",
        parts.join(", "),
        columns.join(", "),
        widths.join(", ")
    )))
}
