//! Pieces shared by the ai.onnx.ml operators. Mirrors runtime/src/ops/ml.rs.

use crate::arith::Arith;
use crate::fixed::{Scale, lt};
use crate::tensor::dot;
use crate::fixed::exp::softmax;
use crate::fixed::logistic::{logistic, sigmoid, sigmoid_with};

/// A post-transform (NONE, LOGISTIC, SOFTMAX, SOFTMAX_ZERO, PROBIT), one
/// type per kind, chosen by the code generator: a model's program contains
/// the code (and the tables) of the transform it uses only — a linear
/// regressor carries no sigmoid, softmax or probit. Mirrors
/// `ml::PostTransform`.
pub trait PostTransform<P> {
    /// The transformed row, appended to `out`. Mirrors `PostTransform::apply`.
    fn apply(self: @P, sc: Scale, row: Span<felt252>, ref out: Array<felt252>);
    /// A linear classifier's single score s as two columns: [1 - p, p] with
    /// p = sigmoid(s) under LOGISTIC, [1 - s, s] under the others.
    fn pair(self: @P, sc: Scale, s: felt252, ref out: Array<felt252>);
}

#[derive(Copy, Drop)]
pub struct NoTransform {}
#[derive(Copy, Drop)]
pub struct LogisticTransform {}
#[derive(Copy, Drop)]
pub struct SoftmaxTransform {}
/// SOFTMAX_ZERO with the bounds of its zero test (floor(1e-7 * 2^s) and
/// ceil(-1e-7 * 2^s), computed by the code generator).
#[derive(Copy, Drop)]
pub struct SoftmaxZeroTransform {
    pub eps: felt252,
    pub neg_eps: felt252,
}
#[derive(Copy, Drop)]
pub struct ProbitTransform {}

impl NoTransformPost of PostTransform<NoTransform> {
    fn apply(self: @NoTransform, sc: Scale, row: Span<felt252>, ref out: Array<felt252>) {
        out.append_span(row);
    }
    fn pair(self: @NoTransform, sc: Scale, s: felt252, ref out: Array<felt252>) {
        Complement {}.pair(sc, s, ref out)
    }
}

impl LogisticPost of PostTransform<LogisticTransform> {
    fn apply(self: @LogisticTransform, sc: Scale, row: Span<felt252>, ref out: Array<felt252>) {
        let sg = @logistic(sc.bits, sc.bits);
        for x in row {
            out.append(sigmoid_with(*x, sg));
        }
    }
    fn pair(self: @LogisticTransform, sc: Scale, s: felt252, ref out: Array<felt252>) {
        LogisticPair {}.pair(sc, s, ref out)
    }
}

impl SoftmaxPost of PostTransform<SoftmaxTransform> {
    fn apply(self: @SoftmaxTransform, sc: Scale, row: Span<felt252>, ref out: Array<felt252>) {
        out.append_span(softmax(row, sc).span());
    }
    fn pair(self: @SoftmaxTransform, sc: Scale, s: felt252, ref out: Array<felt252>) {
        Complement {}.pair(sc, s, ref out)
    }
}

impl SoftmaxZeroPost of PostTransform<SoftmaxZeroTransform> {
    fn apply(self: @SoftmaxZeroTransform, sc: Scale, row: Span<felt252>, ref out: Array<felt252>) {
        softmax_zero(sc, *self, row, ref out);
    }
    fn pair(self: @SoftmaxZeroTransform, sc: Scale, s: felt252, ref out: Array<felt252>) {
        Complement {}.pair(sc, s, ref out)
    }
}

impl ProbitPost of PostTransform<ProbitTransform> {
    fn apply(self: @ProbitTransform, sc: Scale, row: Span<felt252>, ref out: Array<felt252>) {
        for x in row {
            out.append(crate::fixed::erf::probit(*x, sc));
        }
    }
    fn pair(self: @ProbitTransform, sc: Scale, s: felt252, ref out: Array<felt252>) {
        Complement {}.pair(sc, s, ref out)
    }
}

/// Scores within the zero bounds stay 0; the others get their softmax.
fn softmax_zero(sc: Scale, p: SoftmaxZeroTransform, row: Span<felt252>, ref out: Array<felt252>) {
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

fn is_zero(p: SoftmaxZeroTransform, x: felt252) -> bool {
    !(lt(p.eps, x) || lt(x, p.neg_eps))
}

/// A binary model's single score s as two columns, one type per kind
/// (COMPLEMENT [1 - s, s], NEGATE [-s, s], LOGISTIC_PAIR [1 - p, p] with
/// p = sigmoid(s)), chosen by the code generator. Mirrors `Binary::expand`.
pub trait Pair<E> {
    fn pair(self: @E, sc: Scale, s: felt252, ref out: Array<felt252>);
}

#[derive(Copy, Drop)]
pub struct Complement {}
#[derive(Copy, Drop)]
pub struct Negate {}
#[derive(Copy, Drop)]
pub struct LogisticPair {}

impl ComplementPair of Pair<Complement> {
    fn pair(self: @Complement, sc: Scale, s: felt252, ref out: Array<felt252>) {
        out.append((@sc).sub(sc.one, s));
        out.append(s);
    }
}

impl NegatePair of Pair<Negate> {
    fn pair(self: @Negate, sc: Scale, s: felt252, ref out: Array<felt252>) {
        out.append((@sc).sub(0, s));
        out.append(s);
    }
}

impl LogisticPairPair of Pair<LogisticPair> {
    fn pair(self: @LogisticPair, sc: Scale, s: felt252, ref out: Array<felt252>) {
        let p = sigmoid(s, sc);
        out.append((@sc).sub(sc.one, p));
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
            let mut acc = dot(x.slice(r * c, c), w.slice(t * c, c));
            if has_b {
                acc += ar.bias_term(*b[t]);
            }
            out.append(ar.finish_dot(acc));
        }
    }
    out
}
