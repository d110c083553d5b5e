//! `ai.onnx.ml.SVMClassifier` as onnxruntime evaluates it: SVC (pairwise
//! decisions voting, decisions as scores; [-d, d] for two classes) or linear
//! (class scores coef_c . x + rho[0]). Kernels LINEAR, POLY, RBF, SIGMOID in
//! fixed point: exact sums rounded once, one rounding per multiply.
//! Mirrors runtime/src/ops/svm_classifier.rs.

use crate::arith::Arith;
use crate::fixed::{Scale, lt};
use crate::fixed::exp::exp;
use crate::fixed::logistic::tanh;
use super::ml::{Negate, Pair, PostTransform, first_argmax};

pub const LINEAR: u8 = 0;
pub const POLY: u8 = 1;
pub const RBF: u8 = 2;
pub const SIGMOID: u8 = 3;

#[derive(Copy, Drop)]
pub struct SvmKernel {
    pub kind: u8,
    pub gamma: felt252,
    pub coef0: felt252,
    pub degree: u32,
}

pub fn svm_kernel(kind: u8, gamma: felt252, coef0: felt252, degree: u32) -> SvmKernel {
    SvmKernel { kind, gamma, coef0, degree }
}

/// K(x, v). Mirrors `SvmKernel::eval`.
pub fn kernel(sc: Scale, k: SvmKernel, x: Span<felt252>, v: Span<felt252>) -> felt252 {
    let ar = @sc;
    if k.kind == RBF {
        let mut acc = 0;
        let mut j: u32 = 0;
        while j < x.len() {
            let d = ar.sub(*x[j], *v[j]);
            acc += d * d;
            j += 1;
        }
        let dist = ar.finish_dot(acc);
        return exp(ar.sub(0, ar.mul(k.gamma, dist)), sc);
    }
    let dot = ar.finish_dot(crate::tensor::dot(x, v.slice(0, x.len())));
    if k.kind == LINEAR {
        dot
    } else if k.kind == POLY {
        let base = ar.add(ar.mul(k.gamma, dot), k.coef0);
        if k.degree == 0 {
            return sc.one;
        }
        let mut p = base;
        let mut i: u32 = 1;
        while i < k.degree {
            p = ar.mul(p, base);
            i += 1;
        }
        p
    } else {
        tanh(ar.add(ar.mul(k.gamma, dot), k.coef0), sc)
    }
}

/// SVC mode: `vectors_per_class` non-empty; `sv` is [vectors, c].
pub fn svm_classifier<P, +PostTransform<P>, +Drop<P>>(
    sc: Scale, x: Span<felt252>, n: u32, c: u32, k: SvmKernel, vectors_per_class: Span<u32>, sv: Span<felt252>,
    coef: Span<felt252>, rho: Span<felt252>, labels: Span<felt252>, post: P,
) -> (Span<felt252>, Span<felt252>) {
    let ar = @sc;
    let classes = labels.len();
    let mut starts: Array<u32> = array![];
    let mut v: u32 = 0;
    for m in vectors_per_class {
        starts.append(v);
        v += *m;
    }
    let mut label_out = array![];
    let mut z = array![];
    for r in 0..n {
        let row = x.slice(r * c, c);
        let mut kernels = array![];
        for m in 0..v {
            kernels.append(kernel(sc, k, row, sv.slice(m * c, c)));
        }
        // The winner of each pair (classes are few: counting beats a dict,
        // which would need the segment-arena builtin).
        let mut winners: Array<u32> = array![];
        let mut decisions = array![];
        let mut pair: u32 = 0;
        for i in 0..classes {
            for j in (i + 1)..classes {
                let mut acc = 0;
                let si = *starts[i];
                for m in si..(si + *vectors_per_class[i]) {
                    acc += *coef[(j - 1) * v + m] * *kernels[m];
                }
                let sj = *starts[j];
                for m in sj..(sj + *vectors_per_class[j]) {
                    acc += *coef[i * v + m] * *kernels[m];
                }
                acc += ar.bias_term(*rho[pair]);
                let d = ar.finish_dot(acc);
                winners.append(if lt(0, d) {
                    i
                } else {
                    j
                });
                decisions.append(d);
                pair += 1;
            }
        }
        let winners = winners.span();
        let mut best: u32 = 0;
        let mut best_votes: u32 = 0;
        for i in 0..classes {
            let mut vi: u32 = 0;
            for w in winners {
                if *w == i {
                    vi += 1;
                }
            }
            if i == 0 || vi > best_votes {
                best = i;
                best_votes = vi;
            }
        }
        label_out.append(*labels[best]);
        if classes == 2 {
            Negate {}.pair(sc, *decisions[0], ref z);
        } else {
            post.apply(sc, decisions.span(), ref z);
        }
    }
    (label_out.span(), z.span())
}

/// Linear mode: class scores coef_c . x + rho; `promote` is the two-class
/// rule's bound (`all_positive`: score >= ceil(0.5), else score > 0).
pub fn svm_linear_classifier<P, +PostTransform<P>, +Drop<P>>(
    sc: Scale, x: Span<felt252>, n: u32, c: u32, coef: Span<felt252>, rho: felt252, labels: Span<felt252>,
    all_positive: bool, half_ceil: felt252, post: P,
) -> (Span<felt252>, Span<felt252>) {
    let ar = @sc;
    let classes = labels.len();
    let mut label_out = array![];
    let mut z = array![];
    for r in 0..n {
        let row = x.slice(r * c, c);
        let mut scores = array![];
        for class in 0..classes {
            let mut acc = crate::tensor::dot(row, coef.slice(class * c, c));
            acc += ar.bias_term(rho);
            scores.append(ar.finish_dot(acc));
        }
        let best = first_argmax(scores.span());
        let label = if classes == 2 {
            let max = *scores[best];
            let promote = if all_positive {
                !lt(max, half_ceil)
            } else {
                lt(0, max)
            };
            if promote {
                1
            } else {
                best
            }
        } else {
            best
        };
        label_out.append(*labels[label]);
        post.apply(sc, scores.span(), ref z);
    }
    (label_out.span(), z.span())
}
