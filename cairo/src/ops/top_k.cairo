//! `TopK` — the `k` largest (or smallest) elements along `axis` and their
//! indices, always sorted (preferred value first, equal values by ascending
//! index). Exact: signed comparisons of stored values (reals or ints).
//! Mirrors runtime/src/ops/top_k.rs.

use crate::fixed::to_i64;
use crate::tensor::strides;

/// Returns (values, indices); `axis` is normalized, `k` ≤ the axis length.
pub fn top_k(
    x: Span<felt252>, shape: Span<u32>, axis: u32, k: u32, largest: bool,
) -> (Span<felt252>, Span<felt252>) {
    let dim = *shape[axis];
    assert(k <= dim, 'TopK: K exceeds the axis');
    let stride = *strides(shape)[axis];
    let mut outer: u32 = 1;
    for a in 0..axis {
        outer *= *shape[a];
    }
    // picks[(o * stride + s) * k + j]: the position of the j-th pick of lane (o, s).
    let mut picks: Array<u32> = array![];
    for o in 0..outer {
        for s in 0..stride {
            let base = o * dim * stride + s;
            let mut lane: Array<i64> = array![];
            for pos in 0..dim {
                lane.append(to_i64(*x[base + pos * stride]));
            }
            select_lane(lane.span(), k, largest, ref picks);
        }
    };
    let picks = picks.span();
    let (mut values, mut indices) = (array![], array![]);
    for o in 0..outer {
        for j in 0..k {
            for s in 0..stride {
                let pos = *picks[(o * stride + s) * k + j];
                values.append(*x[o * dim * stride + s + pos * stride]);
                indices.append(pos.into());
            }
        }
    };
    (values.span(), indices.span())
}

/// Appends the positions of the `k` preferred elements of `lane`, in output
/// order. Round j takes the best element that comes after round j − 1's pick
/// in the output order (value, then ascending position), so nothing needs
/// to be marked as taken.
fn select_lane(lane: Span<i64>, k: u32, largest: bool, ref picks: Array<u32>) {
    let dim = lane.len();
    let mut prev: Option<(i64, u32)> = Option::None;
    for _round in 0..k {
        let mut best: Option<(i64, u32)> = Option::None;
        for pos in 0..dim {
            let v = *lane[pos];
            let after_prev = match prev {
                Option::None => true,
                Option::Some((pv, pp)) => if v == pv {
                    pos > pp
                } else {
                    (v < pv) == largest
                },
            };
            if after_prev {
                // Positions ascend, so an equal value never replaces the best.
                let better = match best {
                    Option::None => true,
                    Option::Some((bv, _)) => if largest {
                        bv < v
                    } else {
                        v < bv
                    },
                };
                if better {
                    best = Option::Some((v, pos));
                }
            }
        }
        let (bv, bp) = best.expect('TopK: internal selection');
        picks.append(bp);
        prev = Option::Some((bv, bp));
    };
}
