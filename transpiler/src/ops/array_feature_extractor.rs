//! Import of `ai.onnx.ml.ArrayFeatureExtractor` (no attributes).

use cairn_runtime::ops::array_feature_extractor::ArrayFeatureExtractor;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(ArrayFeatureExtractor))
}

/// Emits `cairn::ops::array_feature_extractor::array_feature_extractor`; the
/// indices may be computed (an ArgMax) or constant.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let (x, indices) = (n.input(0)?, n.input(1)?);
    Ok(NodeCode::expr(format!(
        "cairn::ops::array_feature_extractor::array_feature_extractor({}, {}, {})",
        x.expr,
        shape_lit(&x.shape),
        indices.expr
    )))
}
