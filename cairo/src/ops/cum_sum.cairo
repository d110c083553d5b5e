//! `CumSum` — running sums along `axis`: `exclusive` leaves each element out
//! of its own sum, `reverse` sums from the end. Exact felt252 sums; every
//! output is range-checked on its own (`finish_sum`).
//! Mirrors runtime/src/ops/cum_sum.rs.

use crate::arith::Arith;

/// `axis` is normalized (0 <= axis < rank).
pub fn cum_sum<A, +Arith<A>>(
    ar: @A, x: Span<felt252>, shape: Span<u32>, axis: u32, exclusive: bool, reverse: bool,
) -> Span<felt252> {
    let dim = *shape[axis];
    let mut outer: u32 = 1;
    for d in shape.slice(0, axis) {
        outer *= *d;
    }
    let mut inner: u32 = 1;
    for d in shape.slice(axis + 1, shape.len() - axis - 1) {
        inner *= *d;
    }
    // each lane's outputs in scan order, lane-major: lanes[(o * inner + i) * dim + step]
    let mut lanes = array![];
    for o in 0..outer {
        for i in 0..inner {
            let mut acc = 0;
            for step in 0..dim {
                let pos = if reverse {
                    dim - 1 - step
                } else {
                    step
                };
                let v = *x[(o * dim + pos) * inner + i];
                if exclusive {
                    lanes.append(ar.finish_sum(acc));
                    acc += v;
                } else {
                    acc += v;
                    lanes.append(ar.finish_sum(acc));
                }
            }
        }
    }
    // back to row-major order
    let lanes = lanes.span();
    let mut out = array![];
    for o in 0..outer {
        for pos in 0..dim {
            let step = if reverse {
                dim - 1 - pos
            } else {
                pos
            };
            for i in 0..inner {
                out.append(*lanes[(o * inner + i) * dim + step]);
            }
        }
    }
    out.span()
}
