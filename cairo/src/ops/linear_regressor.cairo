//! `ai.onnx.ml.LinearRegressor` — targets outputs per row, each one exact sum
//! of products plus the intercept, rounded once; then the post-transform.
//! Mirrors runtime/src/ops/linear_regressor.rs.

use crate::fixed::Scale;
use super::ml::{PostTransform, linear_scores};

pub fn linear_regressor<P, +PostTransform<P>, +Drop<P>>(
    sc: Scale, x: Span<felt252>, n: u32, c: u32, w: Span<felt252>, b: Span<felt252>, targets: u32, post: P,
) -> Span<felt252> {
    let scores = linear_scores(sc, x, n, c, w, b, targets).span();
    let mut out = array![];
    for r in 0..n {
        post.apply(sc, scores.slice(r * targets, targets), ref out);
    }
    out.span()
}
