//! `GRU` with the default activations, gates z, r, h, both
//! linear_before_reset forms; `h0` empty: zeros. Pre-activations are exact
//! sums rounded once; r*h and the final h' = (1 - z)*h~ + z*h use one Mul
//! each. Mirrors runtime/src/ops/gru.rs.

use crate::arith::Arith;
use crate::fixed::Scale;
use crate::fixed::logistic::{logistic, sigmoid_with, tanh_with};
use super::recurrent::{Geometry, assemble_state, assemble_y, gate_acc, initial, recurrent_acc, time, x_row};

const Z: u32 = 0;
const R: u32 = 1;
const H: u32 = 2;

/// `(Y, Y_h)`.
pub fn gru(
    sc: Scale, g: Geometry, x: Span<felt252>, w: Span<felt252>, r: Span<felt252>, bias: Span<felt252>,
    h0: Span<felt252>, linear_before_reset: bool,
) -> (Span<felt252>, Span<felt252>) {
    let ar = @sc;
    // the activations' table parameters, made once
    let (sg, th) = (@logistic(sc.bits, sc.bits), @logistic(sc.bits - 1, sc.bits + 1));
    let mut hs: Array<Span<felt252>> = array![];
    let mut last_h: Array<Span<felt252>> = array![];
    for d in 0..g.dirs {
        for b in 0..g.batch {
            let mut h = initial(g, h0, d, b);
            for step in 0..g.seq {
                let xt = x_row(g, x, time(g, d, step), b);
                let mut zs = array![];
                let mut rs = array![];
                for u in 0..g.hidden {
                    zs.append(sigmoid_with(ar.finish_dot(gate_acc(sc, g, w, r, bias, d, Z, u, xt, h, true)), sg));
                    rs.append(sigmoid_with(ar.finish_dot(gate_acc(sc, g, w, r, bias, d, R, u, xt, h, true)), sg));
                }
                let (zs, rs) = (zs.span(), rs.span());
                let mut reset_h = array![];
                if !linear_before_reset {
                    for u in 0..g.hidden {
                        reset_h.append(ar.mul(*rs[u], *h[u]));
                    }
                }
                let reset_h = reset_h.span();
                let mut new_h = array![];
                for u in 0..g.hidden {
                    let pre = if linear_before_reset {
                        let input = ar.finish_dot(gate_acc(sc, g, w, r, bias, d, H, u, xt, array![].span(), false));
                        let recurrent = ar.finish_dot(recurrent_acc(sc, g, r, bias, d, H, u, h));
                        ar.add(input, ar.mul(*rs[u], recurrent))
                    } else {
                        ar.finish_dot(gate_acc(sc, g, w, r, bias, d, H, u, xt, reset_h, true))
                    };
                    let candidate = tanh_with(pre, th, sc);
                    new_h.append(ar.add(ar.mul(ar.sub(sc.one, *zs[u]), candidate), ar.mul(*zs[u], *h[u])));
                }
                h = new_h.span();
                hs.append(h);
            }
            last_h.append(h);
        }
    }
    (assemble_y(g, hs.span()), assemble_state(g, last_h.span()))
}
