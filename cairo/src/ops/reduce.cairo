//! Reduction geometry shared by ReduceSum, ReduceMean, ReduceMax, ReduceMin and
//! ArgMax. Mirrors runtime/src/ops/reduce.rs (`reduction`, `additive`,
//! `extremum`): instead of mapping every
//! input element to its output (which would need a mutable accumulator per
//! output), the geometry is split into the flat offsets of the kept axes (one
//! per output element, row-major) and of the reduced axes (one per member of a
//! group, row-major): output o folds x[kept[o] + group[g]] for every g. Sums are
//! exact felt252 sums, so the order of the terms does not matter.

use crate::arith::Arith;
use crate::fixed::lt;
use crate::tensor::strides;

/// Whether `a` is one of `axes`.
pub fn contains(axes: Span<u32>, a: u32) -> bool {
    let mut found = false;
    for x in axes {
        if *x == a {
            found = true;
        }
    }
    found
}

/// Row-major flat offsets of every multi-index over the axes whose membership
/// in `axes` equals `reduced` (the other axes held at 0). No axis: [0].
pub fn offsets(shape: Span<u32>, axes: Span<u32>, reduced: bool) -> Span<u32> {
    let st = strides(shape);
    let mut offs: Array<u32> = array![0];
    for a in 0..shape.len() {
        if contains(axes, a) == reduced {
            let (d, s) = (*shape[a], *st[a]);
            let mut next = array![];
            for o in offs.span() {
                for i in 0..d {
                    next.append(*o + i * s);
                }
            }
            offs = next;
        }
    }
    offs.span()
}

/// Sums over `axes` (normalized, distinct; the code generator lists every axis
/// for "all axes"), each finished as a sum or, with `mean`, divided once by the
/// group size (a mean over no elements panics). Mirrors `run_additive`.
pub fn additive<A, +Arith<A>>(
    ar: @A, x: Span<felt252>, shape: Span<u32>, axes: Span<u32>, mean: bool,
) -> Span<felt252> {
    let kept = offsets(shape, axes, false);
    let group = offsets(shape, axes, true);
    let count = group.len();
    let mut out = array![];
    for k in kept {
        let mut acc = 0;
        for g in group {
            acc += *x[*k + *g];
        }
        out.append(if mean {
            ar.finish_mean(acc, count)
        } else {
            ar.finish_sum(acc)
        });
    }
    out.span()
}

/// The largest (`max`) or smallest element over `axes` (normalized, distinct;
/// every axis listed for "all"), by signed comparison of stored values; a
/// group of no elements gives `empty`, or panics when it is `None` (reals,
/// whose answer would be an infinity). Mirrors `run_extremum`.
pub fn extremum(
    x: Span<felt252>, shape: Span<u32>, axes: Span<u32>, max: bool, empty: Option<felt252>,
) -> Span<felt252> {
    let kept = offsets(shape, axes, false);
    let group = offsets(shape, axes, true);
    let mut out = array![];
    for k in kept {
        if group.len() == 0 {
            out.append(empty.expect('extremum of no reals'));
            continue;
        }
        let mut best = *x[*k + *group[0]];
        for i in 1..group.len() {
            let v = *x[*k + *group[i]];
            let better = if max {
                lt(best, v)
            } else {
                lt(v, best)
            };
            if better {
                best = v;
            }
        }
        out.append(best);
    }
    out.span()
}

/// What a sum of products adds per element: x·x, or x·(±1) = |x|.
#[derive(Copy, Drop, PartialEq, Debug)]
pub enum Term {
    Square,
    Abs,
}

/// Sums of exact products over `axes`, each rounded once (`finish_dot`).
/// Mirrors `run_additive` with ReduceSumSquare's and ReduceL1's terms.
pub fn products<A, +Arith<A>>(
    ar: @A, x: Span<felt252>, shape: Span<u32>, axes: Span<u32>, term: Term,
) -> Span<felt252> {
    let kept = offsets(shape, axes, false);
    let group = offsets(shape, axes, true);
    let mut out = array![];
    for k in kept {
        let mut acc = 0;
        for g in group {
            let v = *x[*k + *g];
            acc += match term {
                Term::Square => v * v,
                Term::Abs => if lt(v, 0) {
                    -ar.bias_term(v)
                } else {
                    ar.bias_term(v)
                },
            };
        }
        out.append(ar.finish_dot(acc));
    }
    out.span()
}
