//! `LSTM` with the default activations, gates i, o, f, c; optional peepholes
//! `p` ([dirs, 3 * hidden], order i, o, f), `h0`, `c0` (empty: zeros). Each
//! gate: one exact sum (peephole product included) rounded once, then the
//! fixed-point sigmoid or tanh; C' = f*C + i*c (two Muls added exactly);
//! h' = o * tanh(C'). Mirrors runtime/src/ops/lstm.rs.

use crate::arith::Arith;
use crate::fixed::Scale;
use crate::fixed::logistic::{logistic, sigmoid_with, tanh_with};
use super::recurrent::{Geometry, assemble_state, assemble_y, gate_acc, initial, time, x_row};

const I: u32 = 0;
const O: u32 = 1;
const F: u32 = 2;
const C: u32 = 3;

fn peep(p: Span<felt252>, g: Geometry, d: u32, k: u32, u: u32, state: felt252) -> felt252 {
    if p.len() == 0 {
        0
    } else {
        *p[d * 3 * g.hidden + k * g.hidden + u] * state
    }
}

/// Gate `k`'s pre-activation plus `extra` (a peephole product), rounded once.
fn gate(
    pre: @(Scale, Geometry, Span<felt252>, Span<felt252>, Span<felt252>, u32, u32, Span<felt252>, Span<felt252>),
    k: u32,
    extra: felt252,
) -> felt252 {
    let (sc, g, w, r, bias, d, u, xt, h) = *pre;
    let ar = @sc;
    ar.finish_dot(gate_acc(sc, g, w, r, bias, d, k, u, xt, h, true) + extra)
}

/// `(Y, Y_h, Y_c)`.
pub fn lstm(
    sc: Scale, g: Geometry, x: Span<felt252>, w: Span<felt252>, r: Span<felt252>, bias: Span<felt252>,
    h0: Span<felt252>, c0: Span<felt252>, p: Span<felt252>,
) -> (Span<felt252>, Span<felt252>, Span<felt252>) {
    let ar = @sc;
    // the activations' table parameters, made once
    let (sg, th) = (@logistic(sc.bits, sc.bits), @logistic(sc.bits - 1, sc.bits + 1));
    let mut hs: Array<Span<felt252>> = array![];
    let mut last_h: Array<Span<felt252>> = array![];
    let mut last_c: Array<Span<felt252>> = array![];
    for d in 0..g.dirs {
        for b in 0..g.batch {
            let mut h = initial(g, h0, d, b);
            let mut c = initial(g, c0, d, b);
            for step in 0..g.seq {
                let xt = x_row(g, x, time(g, d, step), b);
                let mut new_h = array![];
                let mut new_c = array![];
                for u in 0..g.hidden {
                    let pre = @(sc, g, w, r, bias, d, u, xt, h);
                    let i = sigmoid_with(gate(pre, I, peep(p, g, d, 0, u, *c[u])), sg);
                    let f = sigmoid_with(gate(pre, F, peep(p, g, d, 2, u, *c[u])), sg);
                    let cand = tanh_with(gate(pre, C, 0), th, sc);
                    let cu = ar.add(ar.mul(f, *c[u]), ar.mul(i, cand));
                    let o = sigmoid_with(gate(pre, O, peep(p, g, d, 1, u, cu)), sg);
                    new_h.append(ar.mul(o, tanh_with(cu, th, sc)));
                    new_c.append(cu);
                }
                h = new_h.span();
                c = new_c.span();
                hs.append(h);
            }
            last_h.append(h);
            last_c.append(c);
        }
    }
    (assemble_y(g, hs.span()), assemble_state(g, last_h.span()), assemble_state(g, last_c.span()))
}
