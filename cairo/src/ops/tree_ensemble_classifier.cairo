//! `ai.onnx.ml.TreeEnsembleClassifier` — per row, each class's exact sum of
//! its base value and the weights of the reached leaves (range-checked once);
//! binary models (one score s): labels[1] iff s > threshold and the two
//! columns of `expansion`; otherwise the label of the first largest score
//! among the classes that received a weight or a base value (labels[0] if
//! none) and the post-transformed scores.
//! Mirrors runtime/src/ops/tree_ensemble_classifier.rs.

use crate::arith::Arith;
use crate::fixed::{Scale, lt};
use super::ml::{Pair, PostTransform};
use super::tree::{Forest, leaf};

pub fn tree_ensemble_classifier<P, E, +PostTransform<P>, +Drop<P>, +Pair<E>, +Drop<E>>(
    sc: Scale, x: Span<felt252>, n: u32, c: u32, f: Forest, labels: Span<felt252>, base: Span<felt252>,
    is_binary: bool, threshold: felt252, expansion: E, post: P,
) -> (Span<felt252>, Span<felt252>) {
    let ar = @sc;
    let classes = labels.len();
    let mut label_out = array![];
    let mut z = array![];
    for r in 0..n {
        let row = x.slice(r * c, c);
        let mut reached: Array<(u32, u32)> = array![];
        for root in f.roots {
            reached.append(leaf(@f, row, *root));
        }
        let mut scores = array![];
        let mut has: Array<bool> = array![];
        for k in 0..classes {
            let mut acc = 0;
            let mut got = base.len() > 0;
            if k < base.len() {
                acc += *base[k];
            }
            for range in reached.span() {
                let (start, end) = *range;
                let mut w = start;
                while w < end {
                    if *f.target[w] == k {
                        acc += *f.weight[w];
                        got = true;
                    }
                    w += 1;
                }
            }
            scores.append(ar.finish_sum(acc));
            has.append(got);
        }
        if is_binary {
            let s = *scores[0];
            label_out.append(if lt(threshold, s) {
                *labels[1]
            } else {
                *labels[0]
            });
            expansion.pair(sc, s, ref z);
        } else {
            let mut best: Option<u32> = Option::None;
            for k in 0..classes {
                if *has[k] {
                    best = match best {
                        Option::None => Option::Some(k),
                        Option::Some(b) => if lt(*scores[b], *scores[k]) {
                            Option::Some(k)
                        } else {
                            Option::Some(b)
                        },
                    };
                }
            }
            label_out.append(*labels[best.unwrap_or(0)]);
            post.apply(sc, scores.span(), ref z);
        }
    }
    (label_out.span(), z.span())
}
