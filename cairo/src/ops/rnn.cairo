//! `RNN` with the default activation: h' = tanh(x W^T + h R^T + Wb + Rb),
//! one exact sum rounded once; `h0` empty: zeros.
//! Mirrors runtime/src/ops/rnn.rs.

use crate::arith::Arith;
use crate::fixed::Scale;
use crate::fixed::logistic::{logistic, tanh_with};
use super::recurrent::{Geometry, assemble_state, assemble_y, gate_acc, initial, time, x_row};

/// `(Y, Y_h)`.
pub fn rnn(
    sc: Scale, g: Geometry, x: Span<felt252>, w: Span<felt252>, r: Span<felt252>, bias: Span<felt252>,
    h0: Span<felt252>,
) -> (Span<felt252>, Span<felt252>) {
    let ar = @sc;
    let th = @logistic(sc.bits - 1, sc.bits + 1); // made once
    let mut hs: Array<Span<felt252>> = array![];
    let mut last_h: Array<Span<felt252>> = array![];
    for d in 0..g.dirs {
        for b in 0..g.batch {
            let mut h = initial(g, h0, d, b);
            for step in 0..g.seq {
                let xt = x_row(g, x, time(g, d, step), b);
                let mut new_h = array![];
                for u in 0..g.hidden {
                    new_h.append(tanh_with(ar.finish_dot(gate_acc(sc, g, w, r, bias, d, 0, u, xt, h, true)), th, sc));
                }
                h = new_h.span();
                hs.append(h);
            }
            last_h.append(h);
        }
    }
    (assemble_y(g, hs.span()), assemble_state(g, last_h.span()))
}
