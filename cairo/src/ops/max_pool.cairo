//! `MaxPool` — N-D window maximum with pads, `auto_pad`, strides, dilations
//! and `ceil_mode`. Padding never wins: only in-bounds elements compete
//! (signed comparison of the stored values); ties keep the first in window
//! order; a window covering only padding panics. The optional second output
//! `Indices` (int64) is the flat index into X of each maximum: row-major, or
//! with `storage_order = 1` column-major over the spatial axes (N and C stay
//! row-major). Exact (a selection), reals and integers alike. The geometry is
//! computed here (ops/window.cairo). Mirrors runtime/src/ops/max_pool.rs.

use crate::fixed::{is_non_negative, lt};
use crate::tensor::numel;
use super::window::{WindowAttrs, resolve, split_nc, taps};

/// Column-major index of the row-major spatial index `flat`.
fn col_major(flat: u32, spatial: Span<u32>) -> u32 {
    // unravel row-major (last axis fastest), re-ravel with the first axis fastest
    let n = spatial.len();
    let mut rem = flat;
    let mut idx_rev = array![]; // idx[n-1], idx[n-2], ..., idx[0]
    let mut ax = n;
    while ax > 0 {
        ax -= 1;
        let d = *spatial[ax];
        idx_rev.append(rem % d);
        rem = rem / d;
    }
    let mut out = 0;
    let mut stride = 1;
    for ax in 0..n {
        out += *idx_rev[n - 1 - ax] * stride;
        stride *= *spatial[ax];
    }
    out
}

/// Returns (Y, Indices); Indices is empty unless `with_indices`.
pub fn max_pool(
    x: Span<felt252>, x_shape: Span<u32>, attrs: WindowAttrs, storage_order: u32, with_indices: bool,
) -> (Span<felt252>, Span<felt252>) {
    assert(storage_order <= 1, 'storage_order must be 0 or 1');
    let (n, c, spatial) = split_nc(x_shape);
    let win = resolve(@attrs, spatial);
    let taps = taps(@win);
    let in_sz = numel(spatial);
    let mut out = array![];
    let mut indices = array![];
    for nc in 0..n * c {
        let base = nc * in_sz;
        for tap in taps {
            let inputs = *tap.input;
            assert(inputs.len() > 0, 'window covers only padding');
            let mut best_i = *inputs[0];
            let mut best = *x[base + best_i];
            for q in 1..inputs.len() {
                let i = *inputs[q];
                let v = *x[base + i];
                if lt(best, v) {
                    best = v;
                    best_i = i;
                }
            }
            out.append(best);
            if with_indices {
                let spatial_index = if storage_order == 1 {
                    col_major(best_i, spatial)
                } else {
                    best_i
                };
                indices.append((base + spatial_index).into());
            }
        }
    }
    (out.span(), indices.span())
}

/// The maximum of a 2×2 window of stored values, or of sums below 2^126 in
/// magnitude (generated row functions, pooled convolutions).
#[inline(always)]
pub fn max4(a: felt252, b: felt252, c: felt252, d: felt252) -> felt252 {
    max2(max2(a, b), max2(c, d))
}

/// max(a, b) of two stored values, or of two sums below 2^127 in magnitude
/// (b - a is then a u128 exactly when b >= a).
#[inline(always)]
pub fn max2(a: felt252, b: felt252) -> felt252 {
    if is_non_negative(b - a) {
        b
    } else {
        a
    }
}

/// The fast path for Y alone when every window lies inside a 2-D input (no
/// padding reached, dilation 1): the transpiler checks this with the
/// reference's own geometry. Window (i, j) of plane p starts at
/// p·h·w + i·sh·w + j·sw; its maximum is the same value the general path
/// selects (ties pick equal values).
pub fn max_pool_2d_inside(
    x: Span<felt252>, planes: u32, h: u32, w: u32, kh: u32, kw: u32, sh: u32, sw: u32, oh: u32, ow: u32,
) -> Span<felt252> {
    assert(x.len() == planes * h * w, 'MaxPool input size');
    if kh == 2 && kw == 2 && sh == 2 && sw == 2 {
        return max_pool_2x2(x, planes, h, w, oh, ow);
    }
    let mut out = array![];
    let row_step = sh * w;
    let mut plane = 0;
    for _ in 0..planes {
        let mut row = plane;
        for _ in 0..oh {
            let mut start = row;
            for _ in 0..ow {
                let best = if kh == 2 && kw == 2 {
                    max2(max2(*x[start], *x[start + 1]), max2(*x[start + w], *x[start + w + 1]))
                } else {
                    let mut best = *x[start];
                    for a in 0..kh {
                        let mut k = start + a * w;
                        for _ in 0..kw {
                            best = max2(best, *x[k]);
                            k += 1;
                        }
                    }
                    best
                };
                out.append(best);
                start += sw;
            }
            row += row_step;
        }
        plane += h * w;
    }
    out.span()
}

/// 2×2 windows with stride 2, the common case: each output row pops its two
/// input rows two values at a time (no index arithmetic per window).
fn max_pool_2x2(x: Span<felt252>, planes: u32, h: u32, w: u32, oh: u32, ow: u32) -> Span<felt252> {
    let mut out = array![];
    let plane_size = h * w;
    let mut rest = x;
    for _ in 0..planes {
        let mut plane = rest.slice(0, plane_size);
        rest = rest.slice(plane_size, rest.len() - plane_size);
        for _ in 0..oh {
            let mut top = plane.slice(0, w);
            let mut bottom = plane.slice(w, w);
            plane = plane.slice(2 * w, plane.len() - 2 * w);
            for _ in 0..ow {
                let [a, b] = (*top.multi_pop_front::<2>().unwrap()).unbox();
                let [c, d] = (*bottom.multi_pop_front::<2>().unwrap()).unbox();
                out.append(max2(max2(a, b), max2(c, d)));
            }
        }
    }
    out.span()
}
