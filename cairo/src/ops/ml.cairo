//! Pieces shared by the ai.onnx.ml operators. Mirrors runtime/src/ops/ml.rs.

use crate::arith::Arith;
use crate::fixed::{Scale, lt};
use crate::fixed::exp::softmax;
use crate::fixed::logistic::{logistic, sigmoid, sigmoid_with};

/// NONE, LOGISTIC, SOFTMAX, SOFTMAX_ZERO, PROBIT (`ml::PostTransform` in order).
pub const NONE: u8 = 0;
pub const LOGISTIC: u8 = 1;
pub const SOFTMAX: u8 = 2;
pub const SOFTMAX_ZERO: u8 = 3;
pub const PROBIT: u8 = 4;

/// A post-transform with the bounds of SOFTMAX_ZERO's zero test
/// (floor(1e-7 * 2^s) and ceil(-1e-7 * 2^s), computed by the code generator).
#[derive(Copy, Drop)]
pub struct Post {
    pub kind: u8,
    pub eps: felt252,
    pub neg_eps: felt252,
}

pub fn post(kind: u8, eps: felt252, neg_eps: felt252) -> Post {
    Post { kind, eps, neg_eps }
}

/// The transformed row, appended to `out`. Mirrors `PostTransform::apply`.
pub fn apply(sc: Scale, p: Post, row: Span<felt252>, ref out: Array<felt252>) {
    if p.kind == NONE {
        out.append_span(row);
    } else if p.kind == LOGISTIC {
        let sg = @logistic(sc.bits, sc.bits);
        for x in row {
            out.append(sigmoid_with(*x, sg));
        }
    } else if p.kind == SOFTMAX {
        out.append_span(softmax(row, sc).span());
    } else if p.kind == PROBIT {
        for x in row {
            out.append(crate::fixed::erf::probit(*x, sc));
        }
    } else {
        softmax_zero(sc, p, row, ref out);
    }
}

/// Scores within the zero bounds stay 0; the others get their softmax.
fn softmax_zero(sc: Scale, p: Post, row: Span<felt252>, ref out: Array<felt252>) {
    let mut kept = array![];
    for x in row {
        if !is_zero(p, *x) {
            kept.append(*x);
        }
    }
    let soft = softmax(kept.span(), sc);
    let mut k = 0;
    for x in row {
        if is_zero(p, *x) {
            out.append(0);
        } else {
            out.append(*soft[k]);
            k += 1;
        }
    }
}

fn is_zero(p: Post, x: felt252) -> bool {
    !(lt(p.eps, x) || lt(x, p.neg_eps))
}

/// COMPLEMENT [1 - s, s], NEGATE [-s, s], LOGISTIC_PAIR [1 - p, p] with p = sigmoid(s).
pub const COMPLEMENT: u8 = 0;
pub const NEGATE: u8 = 1;
pub const LOGISTIC_PAIR: u8 = 2;

/// A binary model's single score as two columns. Mirrors `Binary::expand`.
pub fn binary(sc: Scale, kind: u8, s: felt252, ref out: Array<felt252>) {
    let ar = @sc;
    if kind == COMPLEMENT {
        out.append(ar.sub(sc.one, s));
        out.append(s);
    } else if kind == NEGATE {
        out.append(ar.sub(0, s));
        out.append(s);
    } else {
        let p = sigmoid(s, sc);
        out.append(ar.sub(sc.one, p));
        out.append(p);
    }
}

/// Index of the first largest value (0 for an empty span).
pub fn first_argmax(xs: Span<felt252>) -> u32 {
    let mut best: u32 = 0;
    let mut i: u32 = 1;
    while i < xs.len() {
        if lt(*xs[best], *xs[i]) {
            best = i;
        }
        i += 1;
    }
    best
}

/// Integer features as reals (x * 2^s, range-checked), reals unchanged.
/// Mirrors `ml::features`.
pub fn reals(sc: Scale, x: Span<felt252>, is_int: bool) -> Span<felt252> {
    if !is_int {
        return x;
    }
    let ar = @sc;
    let mut out = array![];
    for v in x {
        out.append(ar.from_int(*v));
    }
    out.span()
}

/// `rows × k` scores of `x [rows, c]` against `k` weight rows plus optional
/// intercepts: one exact sum each, rounded once. Mirrors `linear_scores`.
pub fn linear_scores(
    sc: Scale, x: Span<felt252>, rows: u32, c: u32, w: Span<felt252>, b: Span<felt252>, k: u32,
) -> Array<felt252> {
    let ar = @sc;
    let has_b = b.len() > 0;
    let mut out = array![];
    for r in 0..rows {
        for t in 0..k {
            let mut acc = 0;
            for j in 0..c {
                acc += *x[r * c + j] * *w[t * c + j];
            }
            if has_b {
                acc += ar.bias_term(*b[t]);
            }
            out.append(ar.finish_dot(acc));
        }
    }
    out
}
