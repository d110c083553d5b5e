//! `MaxPool` — N-D window maximum with pads, `auto_pad`, strides, dilations
//! and `ceil_mode`. Padding never wins: only in-bounds elements compete
//! (signed comparison of the stored values); ties keep the first in window
//! order; a window covering only padding panics. The optional second output
//! `Indices` (int64) is the flat index into X of each maximum: row-major, or
//! with `storage_order = 1` column-major over the spatial axes (N and C stay
//! row-major). Exact (a selection), reals and integers alike. The geometry is
//! computed here (ops/window.cairo). Mirrors runtime/src/ops/max_pool.rs.

use crate::fixed::lt;
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
