//! Packed lanes: several exact fixed-point sums carried by one felt252, so one
//! multiplication of an activation by a packed weight word advances several
//! outputs of a dense layer at once (docs/cairo-codegen.md, "Packed lanes").
//!
//! Lane j of a word sits at bit `o_j` (0 and k in the low u128, 128 and
//! 128 + k in the high one; two-lane words use 0 and 128) and holds
//! `u_j = S_j + 2^(s-1) + 2^(k-1)`, where `S_j` is the output's exact sum of
//! products plus bias at scale 2s. The transpiler emits the packed code only
//! with a bound R on the inputs' Euclidean norm under which every `u_j`
//! provably lies in [0, 2^k) (|S_j| <= R * |w_j| by Cauchy-Schwarz) — so the
//! word is the plain integer sum of its lanes, below p, and splitting it is
//! exact — and it checks that bound at run time (the generated code sums
//! the squares of a row's inputs with its products; `below`), taking a
//! plain path otherwise. Then
//! floor(u_j / 2^s) - 2^(k-1-s) = floor((S_j + 2^(s-1)) / 2^s) is the
//! reference's rounding, and it lies in [-2^(k-1-s), 2^(k-1-s)) within the
//! stored range since k - 1 - s <= 63: no overflow check is needed.

use crate::divide::{Divisor, div, div_rem, divisor};
use crate::fixed::{Scale, is_non_negative, rescale_clamp};

/// The constants of a layer's lane format: 2^s, 2^k, 2^(k-1-s)
/// (subtracted from each rounded lane) and 2^(k-1) (a raw lane below it
/// holds a negative sum); the generated code declares them as a constant
/// (k - 1 - s <= 63 and k <= 123) and turns it into [`Lanes`] with [`lanes`]
/// where the layer starts.
#[derive(Copy, Drop)]
pub struct LaneFormat {
    pub div_s: u128,
    pub div_k: u128,
    pub center: u128,
    pub half_k: u128,
}

/// A lane format with its divisors checked once (all at most 2^123: the
/// cheap division of crate::divide).
#[derive(Copy, Drop)]
pub struct Lanes {
    div_s: Divisor,
    div_k: Divisor,
    center: u128,
    half_k: u128,
}

pub fn lanes(f: LaneFormat) -> Lanes {
    Lanes { div_s: divisor(f.div_s), div_k: divisor(f.div_k), center: f.center, half_k: f.half_k }
}

/// A Clip folded into a packed layer: the bounds `lo <= hi` (stored values),
/// the lane quotients q = value + 2^(k-1-s) they correspond to (`lo_q` is 0
/// when lo is below every lane value), and the raw lanes u = q·2^s + r
/// where they start: q < lo_q exactly when u < lo_u = lo_q·2^s, and
/// q <= hi_q exactly when u < hi_u = (hi_q + 1)·2^s — so a clamped lane
/// needs no division. The plain paths below take the same bounds as
/// `rescale_clamp`'s quotients q = value + 2^63 (no activation: the i64
/// extremes; ReLU: lo = 0) and ignore lo_u and hi_u.
#[derive(Copy, Drop)]
pub struct LaneClamp {
    pub lo: felt252,
    pub hi: felt252,
    pub lo_q: u128,
    pub hi_q: u128,
    pub lo_u: u128,
    pub hi_u: u128,
}

/// Whether `squares`, a sum of squares of stored values (each below 2^126,
/// fewer than 2^120 of them: an exact integer), is below `r2` (at most
/// 2^128): r2 - 1 - squares is then a u128, and otherwise negative.
pub fn below(squares: felt252, r2: felt252) -> bool {
    is_non_negative(r2 - 1 - squares)
}

/// The squares of `x` summed (stored values: each square below 2^126, far
/// fewer than 2^120 of them), eight per loop iteration: the squared norm a
/// packed convolution checks against its bound before it runs.
pub fn squares(x: Span<felt252>) -> felt252 {
    let mut acc = 0;
    let mut rest = x;
    while let Option::Some(chunk) = rest.multi_pop_front::<8>() {
        let [v0, v1, v2, v3, v4, v5, v6, v7] = (*chunk).unbox();
        acc += v0 * v0 + v1 * v1 + v2 * v2 + v3 * v3 + v4 * v4 + v5 * v5 + v6 * v6 + v7 * v7;
    }
    for v in rest {
        acc += *v * *v;
    }
    acc
}

/// The two raw lanes of width k in a u128 `h = u0 + 2^k u1`, each in
/// [0, 2^k): one division.
#[inline(always)]
fn pair_raw(h: u128, ln: Lanes) -> (u128, u128) {
    let (u1, u0) = div_rem(h, ln.div_k);
    (u0, u1)
}

/// The four lanes of a word as they are, u_j in [0, 2^k) (a pooled
/// convolution takes the maximum of each lane over a window before it
/// rounds: u_j is the exact sum shifted by a constant, so the maximum is
/// the same output's).
pub fn raw_4(word: felt252, ln: Lanes) -> (u128, u128, u128, u128) {
    raw_4_of(word, ln)
}

/// The two lanes of a two-lane word as they are (at bits 0 and 128).
pub fn raw_2(word: felt252) -> (u128, u128) {
    let w: u256 = word.into();
    (w.low, w.high)
}

/// The largest of four raw lanes (a 2×2 window).
#[inline(always)]
pub fn max4(a: u128, b: u128, c: u128, d: u128) -> u128 {
    core::cmp::max(core::cmp::max(a, b), core::cmp::max(c, d))
}

// Rounding one raw lane u in [0, 2^k): q = floor(u / 2^s), and the output
// q - 2^(k-1-s), optionally through the folded activation — which compares u,
// not q, with its bounds, so a lane the activation replaces (a negative sum
// under ReLU, a clamped one under Clip) costs no division.

/// floor(u / 2^s) - 2^(k-1-s) for one lane u in [0, 2^k): the rounded
/// output (`round_relu`, `round_clamp`: then through the activation).
#[inline(always)]
pub fn round(u: u128, ln: Lanes) -> felt252 {
    div(u, ln.div_s).into() - ln.center.into()
}

/// ReLU of a rounded lane: 0 exactly when q < 2^(k-1-s), i.e. u < 2^(k-1).
#[inline(always)]
pub fn round_relu(u: u128, ln: Lanes) -> felt252 {
    if u < ln.half_k {
        0
    } else {
        round(u, ln)
    }
}

/// A rounded lane clamped to [lo, hi].
#[inline(always)]
pub fn round_clamp(u: u128, ln: Lanes, cl: LaneClamp) -> felt252 {
    if u < cl.lo_u {
        cl.lo
    } else if u < cl.hi_u {
        round(u, ln)
    } else {
        cl.hi
    }
}

/// The four rounded lanes of a word (a packed convolution appends each to
/// its own channel's array).
pub fn split_4(word: felt252, ln: Lanes) -> (felt252, felt252, felt252, felt252) {
    let (u0, u1, u2, u3) = raw_4_of(word, ln);
    (round(u0, ln), round(u1, ln), round(u2, ln), round(u3, ln))
}

/// As `split_4`, each lane then through ReLU.
pub fn split_4_relu(word: felt252, ln: Lanes) -> (felt252, felt252, felt252, felt252) {
    let (u0, u1, u2, u3) = raw_4_of(word, ln);
    (round_relu(u0, ln), round_relu(u1, ln), round_relu(u2, ln), round_relu(u3, ln))
}

/// As `split_4`, each lane then clamped.
pub fn split_4_clamp(word: felt252, ln: Lanes, cl: LaneClamp) -> (felt252, felt252, felt252, felt252) {
    let (u0, u1, u2, u3) = raw_4_of(word, ln);
    (round_clamp(u0, ln, cl), round_clamp(u1, ln, cl), round_clamp(u2, ln, cl), round_clamp(u3, ln, cl))
}

/// The four raw lanes of a word (`raw_4`), inlined into the splitting
/// functions.
#[inline(always)]
fn raw_4_of(word: felt252, ln: Lanes) -> (u128, u128, u128, u128) {
    let w: u256 = word.into();
    let (u0, u1) = pair_raw(w.low, ln);
    let (u2, u3) = pair_raw(w.high, ln);
    (u0, u1, u2, u3)
}

/// The two rounded lanes of a two-lane word.
pub fn split_2(word: felt252, ln: Lanes) -> (felt252, felt252) {
    let w: u256 = word.into();
    (round(w.low, ln), round(w.high, ln))
}

/// As `split_2`, with ReLU.
pub fn split_2_relu(word: felt252, ln: Lanes) -> (felt252, felt252) {
    let w: u256 = word.into();
    (round_relu(w.low, ln), round_relu(w.high, ln))
}

/// As `split_2`, clamped.
pub fn split_2_clamp(word: felt252, ln: Lanes, cl: LaneClamp) -> (felt252, felt252) {
    let w: u256 = word.into();
    (round_clamp(w.low, ln, cl), round_clamp(w.high, ln, cl))
}

/// Appends the rounded lanes of a four-lane word: `n` (1 to 4) of them.
pub fn append_4(word: felt252, n: u32, ln: Lanes, ref out: Array<felt252>) {
    let w: u256 = word.into();
    let (u0, u1) = pair_raw(w.low, ln);
    out.append(round(u0, ln));
    if n >= 2 {
        out.append(round(u1, ln));
    }
    if n >= 3 {
        let (u2, u3) = pair_raw(w.high, ln);
        out.append(round(u2, ln));
        if n == 4 {
            out.append(round(u3, ln));
        }
    }
}

/// As `append_4`, each lane then through ReLU (a dense layer whose output
/// only a Relu reads).
pub fn append_4_relu(word: felt252, n: u32, ln: Lanes, ref out: Array<felt252>) {
    let w: u256 = word.into();
    let (u0, u1) = pair_raw(w.low, ln);
    out.append(round_relu(u0, ln));
    if n >= 2 {
        out.append(round_relu(u1, ln));
    }
    if n >= 3 {
        let (u2, u3) = pair_raw(w.high, ln);
        out.append(round_relu(u2, ln));
        if n == 4 {
            out.append(round_relu(u3, ln));
        }
    }
}

/// As `append_4`, each lane then clamped to [lo, hi] (a dense layer whose
/// output only a Clip with constant bounds reads).
pub fn append_4_clamp(word: felt252, n: u32, ln: Lanes, cl: LaneClamp, ref out: Array<felt252>) {
    let w: u256 = word.into();
    let (u0, u1) = pair_raw(w.low, ln);
    out.append(round_clamp(u0, ln, cl));
    if n >= 2 {
        out.append(round_clamp(u1, ln, cl));
    }
    if n >= 3 {
        let (u2, u3) = pair_raw(w.high, ln);
        out.append(round_clamp(u2, ln, cl));
        if n == 4 {
            out.append(round_clamp(u3, ln, cl));
        }
    }
}

/// Appends the rounded lanes of a two-lane word (lanes at bits 0 and 128):
/// `n` (1 or 2) of them.
pub fn append_2(word: felt252, n: u32, ln: Lanes, ref out: Array<felt252>) {
    let w: u256 = word.into();
    out.append(round(w.low, ln));
    if n == 2 {
        out.append(round(w.high, ln));
    }
}

/// As `append_2`, with ReLU.
pub fn append_2_relu(word: felt252, n: u32, ln: Lanes, ref out: Array<felt252>) {
    let w: u256 = word.into();
    out.append(round_relu(w.low, ln));
    if n == 2 {
        out.append(round_relu(w.high, ln));
    }
}

/// As `append_2`, clamped.
pub fn append_2_clamp(word: felt252, n: u32, ln: Lanes, cl: LaneClamp, ref out: Array<felt252>) {
    let w: u256 = word.into();
    out.append(round_clamp(w.low, ln, cl));
    if n == 2 {
        out.append(round_clamp(w.high, ln, cl));
    }
}

// A pooled mean folded into a packed convolution (Conv, activation,
// AveragePool whose windows tile the output): each lane rounded and
// activated as a quotient q = value + 2^(k-1-s) (a felt252 below 2^(k-s)),
// the quotients of a window summed, and one more rounding.

/// A lane's rounded quotient floor(u / 2^s), as a felt.
#[inline(always)]
fn quotient(u: u128, ln: Lanes) -> felt252 {
    div(u, ln.div_s).into()
}

/// ReLU on a lane quotient: max(value, 0) + 2^(k-1-s).
#[inline(always)]
fn quotient_relu(u: u128, ln: Lanes) -> felt252 {
    if u < ln.half_k {
        ln.center.into()
    } else {
        quotient(u, ln)
    }
}

/// A folded Clip on a lane quotient: the clamped value + 2^(k-1-s).
#[inline(always)]
fn quotient_clamp(u: u128, ln: Lanes, cl: LaneClamp) -> felt252 {
    if u < cl.lo_u {
        cl.lo_q.into()
    } else if u < cl.hi_u {
        quotient(u, ln)
    } else {
        cl.hi_q.into()
    }
}

/// The rounded lane quotients of a four-lane word (no activation).
pub fn quotients_4(word: felt252, ln: Lanes) -> (felt252, felt252, felt252, felt252) {
    let (u0, u1, u2, u3) = raw_4_of(word, ln);
    (quotient(u0, ln), quotient(u1, ln), quotient(u2, ln), quotient(u3, ln))
}

/// As `quotients_4`, each through ReLU.
pub fn quotients_4_relu(word: felt252, ln: Lanes) -> (felt252, felt252, felt252, felt252) {
    let (u0, u1, u2, u3) = raw_4_of(word, ln);
    (quotient_relu(u0, ln), quotient_relu(u1, ln), quotient_relu(u2, ln), quotient_relu(u3, ln))
}

/// As `quotients_4`, each clamped.
pub fn quotients_4_clamp(word: felt252, ln: Lanes, cl: LaneClamp) -> (felt252, felt252, felt252, felt252) {
    let (u0, u1, u2, u3) = raw_4_of(word, ln);
    (quotient_clamp(u0, ln, cl), quotient_clamp(u1, ln, cl), quotient_clamp(u2, ln, cl), quotient_clamp(u3, ln, cl))
}

/// The rounded lane quotients of a two-lane word (lanes at bits 0 and 128).
pub fn quotients_2(word: felt252, ln: Lanes) -> (felt252, felt252) {
    let w: u256 = word.into();
    (quotient(w.low, ln), quotient(w.high, ln))
}

/// As `quotients_2`, with ReLU.
pub fn quotients_2_relu(word: felt252, ln: Lanes) -> (felt252, felt252) {
    let w: u256 = word.into();
    (quotient_relu(w.low, ln), quotient_relu(w.high, ln))
}

/// As `quotients_2`, clamped.
pub fn quotients_2_clamp(word: felt252, ln: Lanes, cl: LaneClamp) -> (felt252, felt252) {
    let w: u256 = word.into();
    (quotient_clamp(w.low, ln, cl), quotient_clamp(w.high, ln, cl))
}

/// The window of a folded mean: its size n, checked once as a divisor, and
/// floor(n / 2).
#[derive(Copy, Drop)]
pub struct LaneMean {
    div_n: Divisor,
    half: felt252,
}

pub fn lane_mean(n: u128) -> LaneMean {
    LaneMean { div_n: divisor(n), half: (n / 2).into() }
}

/// The mean of a window's n stored values v_i, rounded half up as the
/// reference's AveragePool does (floor((2 Σv + n) / 2n), which is
/// floor((Σv + floor(n / 2)) / n) for an integer Σv), from `sum`, the sum of
/// their lane quotients v_i + 2^(k-1-s): floor((sum + floor(n / 2)) / n) −
/// 2^(k-1-s). The sum is below n · 2^(k-s) < 2^128 (k - s <= 63, n far
/// below 2^64), and the mean of stored values is a stored value.
pub fn mean_of(sum: felt252, m: LaneMean, ln: Lanes) -> felt252 {
    let u: u128 = (sum + m.half).try_into().unwrap();
    div(u, m.div_n).into() - ln.center.into()
}

// The plain paths of packed layers, taken when an input is beyond the
// packing's bound: small loops (their code is part of every packed
// program's bytecode, which the prover pays for in memory rows), with the
// same exact sums and single rounding as the reference.

/// A dense layer's outputs: for each of the `rows` rows of `k` inputs of
/// `x`, output j is rescale(sum_t x[t] * w[j * k + t] + bias[j]), with the
/// bias already at scale 2s (one entry per output), then clamped to `cl`
/// (the folded activation).
pub fn dense_rows(
    x: Span<felt252>, w: Span<felt252>, bias: Span<felt252>, rows: u32, k: u32, cl: LaneClamp, sc: Scale,
) -> Span<felt252> {
    let n = bias.len();
    let mut out = array![];
    for r in 0..rows {
        let row = x.slice(r * k, k);
        for j in 0..n {
            let wj = w.slice(j * k, k);
            let mut acc = *bias[j];
            for t in 0..k {
                acc += *row[t] * *wj[t];
            }
            out.append(rescale_clamp(acc, sc, cl.lo, cl.hi, cl.lo_q, cl.hi_q));
        }
    }
    out.span()
}

/// The geometry of a 2-D convolution as the transpiler resolved it: input
/// [batch, c, h, w], `m` output channels in groups of `mg` (each reading `cg`
/// input channels), kernel, strides, dilations, the top and left padding and
/// the output size.
#[derive(Copy, Drop)]
pub struct Conv2d {
    pub batch: u32,
    pub c: u32,
    pub h: u32,
    pub w: u32,
    pub m: u32,
    pub cg: u32,
    pub mg: u32,
    pub kh: u32,
    pub kw: u32,
    pub sh: u32,
    pub sw: u32,
    pub dh: u32,
    pub dw: u32,
    pub pt: u32,
    pub pl: u32,
    pub ho: u32,
    pub wo: u32,
}

/// A 2-D convolution's outputs in NCHW order: each the exact sum over its
/// window's taps inside the input (padding contributes nothing) plus the
/// bias (at scale 2s, one per output channel), rounded once and clamped to
/// `cl` (the folded activation).
pub fn conv2d_rows(
    x: Span<felt252>, w: Span<felt252>, bias: Span<felt252>, g: Conv2d, cl: LaneClamp, sc: Scale,
) -> Span<felt252> {
    let mut out = array![];
    for b in 0..g.batch {
        for mi in 0..g.m {
            let first = (mi / g.mg) * g.cg;
            for oh in 0..g.ho {
                for ow in 0..g.wo {
                    let mut acc = *bias[mi];
                    for ci in 0..g.cg {
                        let plane = (b * g.c + first + ci) * g.h;
                        let filt = (mi * g.cg + ci) * g.kh;
                        for i in 0..g.kh {
                            // row in padded coordinates; rows in the padding add nothing
                            let r = oh * g.sh + i * g.dh;
                            if r >= g.pt {
                                if r - g.pt < g.h {
                                    for j in 0..g.kw {
                                        let col = ow * g.sw + j * g.dw;
                                        if col >= g.pl {
                                            if col - g.pl < g.w {
                                                let v = *x[(plane + r - g.pt) * g.w + col - g.pl];
                                                acc += v * *w[(filt + i) * g.kw + j];
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    out.append(rescale_clamp(acc, sc, cl.lo, cl.hi, cl.lo_q, cl.hi_q));
                }
            }
        }
    }
    out.span()
}
