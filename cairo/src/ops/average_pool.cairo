//! `AveragePool` — N-D window mean with pads, `auto_pad`, strides, dilations,
//! `ceil_mode` and `count_include_pad`. Each output is the exact sum of the
//! in-bounds elements of its window divided once by the count (`finish_mean`:
//! rounded half up in fixed point, range-checked): the number of in-bounds
//! elements, or with `count_include_pad` the number of window positions inside
//! the padded input. The geometry is computed here (ops/window.cairo).
//! Mirrors runtime/src/ops/average_pool.rs.

use crate::arith::Arith;
use crate::tensor::numel;
use super::window::{WindowAttrs, resolve, split_nc, taps};

pub fn average_pool<A, +Arith<A>>(
    ar: @A, x: Span<felt252>, x_shape: Span<u32>, attrs: WindowAttrs, count_include_pad: bool,
) -> Span<felt252> {
    let (n, c, spatial) = split_nc(x_shape);
    let win = resolve(@attrs, spatial);
    let taps = taps(@win);
    let in_sz = numel(spatial);
    let mut out = array![];
    for nc in 0..n * c {
        let base = nc * in_sz;
        for tap in taps {
            let inputs = *tap.input;
            let mut acc = 0;
            for i in inputs {
                acc += *x[base + *i];
            }
            let count = if count_include_pad {
                *tap.padded_count
            } else {
                inputs.len()
            };
            assert(count > 0, 'window covers no input element');
            out.append(ar.finish_mean(acc, count));
        }
    }
    out.span()
}

/// `average_pool` for 2-D windows of kh×kw with strides (kh, kw) that tile
/// each of the `planes` h×w planes exactly (no padding: every count is
/// kh·kw; the transpiler checks this with the reference's geometry), without
/// the geometry tables: each window's exact sum divided once (`finish_mean`).
/// The plain path of a packed convolution that folded the pool.
pub fn average_pool_2d_tiles<A, +Arith<A>>(
    ar: @A, x: Span<felt252>, planes: u32, h: u32, w: u32, kh: u32, kw: u32,
) -> Span<felt252> {
    assert(x.len() == planes * h * w, 'AveragePool input size');
    let count = kh * kw;
    let mut out = array![];
    let mut plane = 0;
    for _ in 0..planes {
        for i in 0..h / kh {
            for j in 0..w / kw {
                let start = plane + i * kh * w + j * kw;
                let mut acc = 0;
                for a in 0..kh {
                    for b in 0..kw {
                        acc += *x[start + a * w + b];
                    }
                }
                out.append(ar.finish_mean(acc, count));
            }
        }
        plane += h * w;
    }
    out.span()
}

/// 4 * 2^63 + 2: shifts the sum of four stored values (each in [-2^63, 2^63))
/// to a u128 whose quotient by 4 is the rounded mean plus 2^63.
const MEAN4_OFFSET: felt252 = 0x20000000000000002;
const FOUR: NonZero<u128> = 4;

/// The mean of a 2×2 window of stored values, rounded half up: what
/// `finish_mean(a + b + c + d, 4)` gives (generated row functions). With
/// u = a + b + c + d + 4 * 2^63 + 2 in [0, 2^66), floor(u / 4) - 2^63 =
/// floor((sum + 2) / 4) = floor((2 * sum + 4) / 8), `div_round`'s rounding; a
/// mean of stored values is a stored value, so no range check is needed
/// beyond the conversion.
#[inline(always)]
pub fn mean4(a: felt252, b: felt252, c: felt252, d: felt252) -> felt252 {
    let u: u128 = (a + b + c + d + MEAN4_OFFSET).try_into().expect('fixed-point overflow');
    let (q, _) = DivRem::div_rem(u, FOUR);
    q.into() - crate::fixed::TWO_POW_63
}
