//! `ai.onnx.ml.LinearClassifier` — scores x W^T + b (one exact sum per score,
//! rounded once), the label and the scores: with k > 1 rows the first largest
//! raw score's label and the post-transformed row; with one row s the label
//! labels[1] iff s > 0 and [1 - s, s] (LOGISTIC: [1 - p, p]).
//! Mirrors runtime/src/ops/linear_classifier.rs.

use crate::fixed::{Scale, lt};
use super::ml::{PostTransform, first_argmax, linear_scores};

pub fn linear_classifier<P, +PostTransform<P>, +Drop<P>>(
    sc: Scale, x: Span<felt252>, n: u32, c: u32, w: Span<felt252>, b: Span<felt252>, k: u32, labels: Span<felt252>,
    post: P,
) -> (Span<felt252>, Span<felt252>) {
    let scores = linear_scores(sc, x, n, c, w, b, k).span();
    let mut label_out = array![];
    let mut z = array![];
    for r in 0..n {
        let row = scores.slice(r * k, k);
        if k == 1 {
            let s = *row[0];
            label_out.append(if lt(0, s) {
                *labels[1]
            } else {
                *labels[0]
            });
            post.pair(sc, s, ref z);
        } else {
            label_out.append(*labels[first_argmax(row)]);
            post.apply(sc, row, ref z);
        }
    }
    (label_out.span(), z.span())
}
