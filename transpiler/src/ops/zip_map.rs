//! Import of `ai.onnx.ml.ZipMap`: `classlabels_int64s` or `classlabels_strings`.

use cairn_runtime::ops::zip_map::ZipMap;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ZipMap { labels: super::ml::class_labels(a, "classlabels_int64s", "classlabels_strings")? }))
}

/// Emits `cairn::ops::zip_map::zip_map` (the scores pass through; the
/// manifest carries the labels).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    Ok(NodeCode::expr(format!("cairn::ops::zip_map::zip_map({})", n.input(0)?.expr)))
}
