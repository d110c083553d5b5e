//! `ai.onnx.ml.TreeEnsembleRegressor` — per row and target, the SUM (exact,
//! base value included), AVERAGE (the exact sum over the number of trees,
//! rounded once, plus the base value) or MIN/MAX (0 if no leaf gives a weight,
//! plus the base value) of the reached leaves' weights; then the
//! post-transform. Mirrors runtime/src/ops/tree_ensemble_regressor.rs.

use crate::arith::Arith;
use crate::fixed::{Scale, lt};
use super::ml::PostTransform;
use super::tree::{Forest, leaf};

pub const SUM: u8 = 0;
pub const AVERAGE: u8 = 1;
pub const MIN: u8 = 2;
pub const MAX: u8 = 3;

pub fn tree_ensemble_regressor<P, +PostTransform<P>, +Drop<P>>(
    sc: Scale, x: Span<felt252>, n: u32, c: u32, f: Forest, targets: u32, aggregate: u8, base: Span<felt252>,
    post: P,
) -> Span<felt252> {
    let mut out = array![];
    for r in 0..n {
        let y = regress_row(sc, @f, x.slice(r * c, c), targets, aggregate, base);
        post.apply(sc, y.span(), ref out);
    }
    out.span()
}

/// One row's targets. Mirrors `regress_row`.
pub fn regress_row(
    sc: Scale, f: @Forest, row: Span<felt252>, targets: u32, aggregate: u8, base: Span<felt252>,
) -> Array<felt252> {
    let ar = @sc;
    let mut reached: Array<(u32, u32)> = array![];
    for root in *f.roots {
        reached.append(leaf(f, row, *root));
    }
    let trees = (*f.roots).len();
    let mut out = array![];
    for t in 0..targets {
        let mut acc = 0;
        let mut extreme: Option<felt252> = Option::None;
        for range in reached.span() {
            let (start, end) = *range;
            let mut w = start;
            while w < end {
                if *(*f.target)[w] == t {
                    let v = *(*f.weight)[w];
                    if aggregate == SUM || aggregate == AVERAGE {
                        acc += v;
                    } else {
                        extreme = match extreme {
                            Option::None => Option::Some(v),
                            Option::Some(e) => if (aggregate == MIN && lt(v, e)) || (aggregate == MAX && lt(e, v)) {
                                Option::Some(v)
                            } else {
                                Option::Some(e)
                            },
                        };
                    }
                }
                w += 1;
            }
        }
        let has_base = base.len() > 0;
        let y = if aggregate == SUM {
            if has_base {
                acc += *base[t];
            }
            ar.finish_sum(acc)
        } else {
            let v = if aggregate == AVERAGE {
                ar.finish_mean(acc, if trees == 0 {
                    1
                } else {
                    trees
                })
            } else {
                extreme.unwrap_or(0)
            };
            if has_base {
                ar.add(v, *base[t])
            } else {
                v
            }
        };
        out.append(y);
    }
    out
}
