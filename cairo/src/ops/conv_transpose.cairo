//! `ConvTranspose` — lowered to Conv exactly as runtime/src/ops/conv_transpose.rs
//! does, with the geometry the code generator resolved from the static
//! shapes: X [N, C, D...] is spread onto a zero grid [N, C, grid...] (input i
//! of a spatial axis at `i * stride + lead`), W [C, M/group, K...] becomes the
//! Conv kernel [M, C/group, K...] (flipped on every spatial axis, channel axes
//! swapped within each group), and the generic Conv runs with stride 1, no
//! padding and the dilations. So every output is Conv's one exact sum of
//! products (and bias), rounded once and range-checked once.
//! Mirrors runtime/src/ops/conv_transpose.rs.

use crate::arith::Arith;
use crate::tensor::strides;
use super::conv::conv;
use super::window::{AutoPad, WindowAttrs, take_product};

/// One spatial axis: input size, stride, grid position of input 0 (may be
/// negative) and grid size.
#[derive(Copy, Drop, Debug)]
pub struct SpreadAxis {
    pub input: u32,
    pub stride: u32,
    pub lead: i64,
    pub grid: u32,
}

pub fn conv_transpose<A, +Arith<A>>(
    ar: @A,
    x: Span<felt252>,
    x_shape: Span<u32>,
    w: Span<felt252>,
    w_shape: Span<u32>,
    b: Option<(Span<felt252>, Span<u32>)>,
    group: u32,
    axes: Span<SpreadAxis>,
    dilations: Span<u32>,
) -> Span<felt252> {
    let rank = x_shape.len();
    assert(rank >= 3 && w_shape.len() == rank && axes.len() == rank - 2, 'conv_transpose: ranks');
    assert(group >= 1 && *x_shape[1] % group == 0 && *w_shape[0] == *x_shape[1], 'conv_transpose: channels');
    let (grid, grid_shape) = spread(x, x_shape, axes);
    let (kernel, kernel_shape) = flip(w, w_shape, group);
    let attrs = WindowAttrs {
        auto_pad: AutoPad::NotSet,
        kernel: array![].span(),
        strides: array![].span(),
        dilations,
        pads: array![].span(),
        ceil_mode: false,
    };
    conv(ar, grid, grid_shape, kernel, kernel_shape, b, group, attrs)
}

/// The Conv kernel of a ConvTranspose weight, and its shape: element
/// `[g * (M/group) + j, i, k...]` is `W[g * (C/group) + i, j, K - 1 - k...]`.
/// Every axis contributes its own offset, so it is one `take_product`.
fn flip(w: Span<felt252>, w_shape: Span<u32>, group: u32) -> (Span<felt252>, Span<u32>) {
    let st = strides(w_shape);
    let (cg, mg) = (*w_shape[0] / group, *w_shape[1]);
    let mut shape = array![mg * group, cg];
    let mut offsets = array![];
    let mut out_ch = array![];
    for m in 0..mg * group {
        out_ch.append((m / mg) * cg * *st[0] + (m % mg) * *st[1]);
    }
    offsets.append(out_ch.span());
    let mut in_ch = array![];
    for i in 0..cg {
        in_ch.append(i * *st[0]);
    }
    offsets.append(in_ch.span());
    for a in 2..w_shape.len() {
        let k = *w_shape[a];
        shape.append(k);
        let mut offs = array![];
        for j in 0..k {
            offs.append((k - 1 - j) * *st[a]);
        }
        offsets.append(offs.span());
    }
    (take_product(w, offsets.span()), shape.span())
}

/// X spread onto the zero grid, and the grid's shape.
fn spread(x: Span<felt252>, x_shape: Span<u32>, axes: Span<SpreadAxis>) -> (Span<felt252>, Span<u32>) {
    let st = strides(x_shape);
    let mut shape = array![*x_shape[0], *x_shape[1]];
    let mut sources = array![];
    for a in 0..axes.len() {
        let ax = *axes[a];
        shape.append(ax.grid);
        let mut src = array![];
        for q in 0..ax.grid {
            let qi: i64 = q.into();
            let mut at = Option::None;
            if qi >= ax.lead {
                // t = q - lead >= 0: input t / stride lands here when t is a multiple.
                let t: u32 = (qi - ax.lead).try_into().unwrap();
                if t % ax.stride == 0 && t / ax.stride < ax.input {
                    at = Option::Some((t / ax.stride) * *st[a + 2]);
                }
            }
            src.append(at);
        }
        sources.append(src.span());
    }
    let mut out = array![];
    for n in 0..*x_shape[0] {
        for c in 0..*x_shape[1] {
            spread_rec(x, sources.span(), Option::Some(n * *st[0] + c * *st[1]), ref out);
        }
    }
    (out.span(), shape.span())
}

fn spread_rec(x: Span<felt252>, sources: Span<Span<Option<u32>>>, base: Option<u32>, ref out: Array<felt252>) {
    if sources.len() == 0 {
        out.append(match base {
            Option::Some(i) => *x[i],
            Option::None => 0,
        });
        return;
    }
    let rest = sources.slice(1, sources.len() - 1);
    for src in *sources[0] {
        let at = match (base, *src) {
            (Option::Some(b), Option::Some(o)) => Option::Some(b + o),
            _ => Option::None,
        };
        spread_rec(x, rest, at, ref out);
    }
}
