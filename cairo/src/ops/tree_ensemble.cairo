//! `ai.onnx.ml.TreeEnsemble` (ai.onnx.ml opset 5) — evaluated as
//! TreeEnsembleRegressor without base values (the code generator converts the
//! node and leaf lists into one forest).
//! Mirrors runtime/src/ops/tree_ensemble.rs.

use crate::fixed::Scale;
use super::ml::PostTransform;
use super::tree::Forest;

pub fn tree_ensemble<P, +PostTransform<P>, +Drop<P>>(
    sc: Scale, x: Span<felt252>, n: u32, c: u32, f: Forest, targets: u32, aggregate: u8, post: P,
) -> Span<felt252> {
    super::tree_ensemble_regressor::tree_ensemble_regressor(sc, x, n, c, f, targets, aggregate, array![].span(), post)
}
