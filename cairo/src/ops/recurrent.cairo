//! Shared by LSTM, GRU and RNN: the geometry of X, W, R, B and the states,
//! and one gate's exact pre-activation sum (rounded by the caller with
//! `finish_dot`). Mirrors runtime/src/ops/recurrent.rs.

use crate::arith::Arith;
use crate::fixed::Scale;
use crate::tensor::dot;

pub const FORWARD: u8 = 0;
pub const REVERSE: u8 = 1;
pub const BIDIRECTIONAL: u8 = 2;

#[derive(Copy, Drop)]
pub struct Geometry {
    pub seq: u32,
    pub batch: u32,
    pub input: u32,
    pub dirs: u32,
    pub hidden: u32,
    pub gates: u32,
    pub direction: u8,
    pub batch_first: bool,
}

pub fn geometry(
    seq: u32, batch: u32, input: u32, hidden: u32, gates: u32, direction: u8, batch_first: bool,
) -> Geometry {
    let dirs = if direction == BIDIRECTIONAL {
        2
    } else {
        1
    };
    Geometry { seq, batch, input, dirs, hidden, gates, direction, batch_first }
}

/// The input vector of batch entry `b` at time `t`.
pub fn x_row(g: Geometry, x: Span<felt252>, t: u32, b: u32) -> Span<felt252> {
    let row = if g.batch_first {
        b * g.seq + t
    } else {
        t * g.batch + b
    };
    x.slice(row * g.input, g.input)
}

/// Whether direction `d` runs from the last step to the first.
pub fn reversed(g: Geometry, d: u32) -> bool {
    g.direction == REVERSE || (g.direction == BIDIRECTIONAL && d == 1)
}

pub fn time(g: Geometry, d: u32, step: u32) -> u32 {
    if reversed(g, d) {
        g.seq - 1 - step
    } else {
        step
    }
}

/// A state's start in `[dirs, batch, hidden]` (or `[batch, dirs, hidden]`).
pub fn state_index(g: Geometry, d: u32, b: u32) -> u32 {
    let row = if g.batch_first {
        b * g.dirs + d
    } else {
        d * g.batch + b
    };
    row * g.hidden
}

/// `initial_h` (or `initial_c`) of `(d, b)`: zeros when `h0` is empty.
pub fn initial(g: Geometry, h0: Span<felt252>, d: u32, b: u32) -> Span<felt252> {
    if h0.len() == 0 {
        let mut z = array![];
        for _ in 0..g.hidden {
            z.append(0);
        }
        z.span()
    } else {
        h0.slice(state_index(g, d, b), g.hidden)
    }
}

/// `x · W_row + h · R_row + Wb (+ Rb when `both_biases`)` for gate `gate`,
/// unit `u`, direction `d`; `h` empty leaves out the recurrent part. Exact.
pub fn gate_acc(
    sc: Scale, g: Geometry, w: Span<felt252>, r: Span<felt252>, bias: Span<felt252>, d: u32, gate: u32, u: u32,
    x: Span<felt252>, h: Span<felt252>, both_biases: bool,
) -> felt252 {
    let ar = @sc;
    let row = d * g.gates * g.hidden + gate * g.hidden + u;
    let mut acc = dot(x.slice(0, g.input), w.slice(row * g.input, g.input));
    if h.len() > 0 {
        acc += dot(h.slice(0, g.hidden), r.slice(row * g.hidden, g.hidden));
    }
    if bias.len() > 0 {
        let base = d * 2 * g.gates * g.hidden;
        acc += ar.bias_term(*bias[base + gate * g.hidden + u]);
        if both_biases {
            acc += ar.bias_term(*bias[base + (g.gates + gate) * g.hidden + u]);
        }
    }
    acc
}

/// `h · R_row + Rb` of gate `gate` (GRU's linear-before-reset part). Exact.
pub fn recurrent_acc(
    sc: Scale, g: Geometry, r: Span<felt252>, bias: Span<felt252>, d: u32, gate: u32, u: u32, h: Span<felt252>,
) -> felt252 {
    let ar = @sc;
    let row = d * g.gates * g.hidden + gate * g.hidden + u;
    let mut acc = dot(h.slice(0, g.hidden), r.slice(row * g.hidden, g.hidden));
    if bias.len() > 0 {
        acc += ar.bias_term(*bias[d * 2 * g.gates * g.hidden + (g.gates + gate) * g.hidden + u]);
    }
    acc
}

/// `Y` in its layout from the hidden states `hs[(d * batch + b) * seq + step]`.
pub fn assemble_y(g: Geometry, hs: Span<Span<felt252>>) -> Span<felt252> {
    let mut y = array![];
    if g.batch_first {
        for b in 0..g.batch {
            for t in 0..g.seq {
                for d in 0..g.dirs {
                    append_step(g, hs, ref y, t, d, b);
                }
            }
        }
    } else {
        for t in 0..g.seq {
            for d in 0..g.dirs {
                for b in 0..g.batch {
                    append_step(g, hs, ref y, t, d, b);
                }
            }
        }
    }
    y.span()
}

fn append_step(g: Geometry, hs: Span<Span<felt252>>, ref y: Array<felt252>, t: u32, d: u32, b: u32) {
    let step = time(g, d, t);
    for v in *hs[(d * g.batch + b) * g.seq + step] {
        y.append(*v);
    }
}

/// A final state in its layout from `last[d * batch + b]`.
pub fn assemble_state(g: Geometry, last: Span<Span<felt252>>) -> Span<felt252> {
    let mut out = array![];
    if g.batch_first {
        for b in 0..g.batch {
            for d in 0..g.dirs {
                for v in *last[d * g.batch + b] {
                    out.append(*v);
                }
            }
        }
    } else {
        for d in 0..g.dirs {
            for b in 0..g.batch {
                for v in *last[d * g.batch + b] {
                    out.append(*v);
                }
            }
        }
    }
    out.span()
}

/// `sequence_lens` (empty when absent) must give every batch entry the full
/// length: shorter sequences are not supported (the reference refuses them).
pub fn check_lengths(lens: Span<felt252>, seq: u32) {
    for l in lens {
        assert(*l == seq.into(), 'sequence_lens != seq length');
    }
}
