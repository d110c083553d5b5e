//! `GlobalAveragePool` — the mean over all spatial axes of `[N, C, D...]`,
//! giving `[N, C, 1, ...]`: per (n, c), the exact sum of its contiguous
//! spatial block divided once by its size (`finish_mean`: rounded half up in
//! fixed point, range-checked). An empty spatial extent panics.
//! Mirrors runtime/src/ops/global_average_pool.rs.

use crate::arith::Arith;
use crate::divide::{div, divisor};
use crate::fixed::TWO_POW_63;
use crate::tensor::{exact_sum, numel};
use super::window::split_nc;

pub fn global_average_pool<A, +Arith<A>>(ar: @A, x: Span<felt252>, x_shape: Span<u32>) -> Span<felt252> {
    let (n, c, spatial) = split_nc(x_shape);
    let size = numel(spatial);
    assert(size > 0, 'empty spatial extent');
    let mut out = array![];
    let mut rest = x;
    for _ in 0..n * c {
        let block = rest.slice(0, size);
        rest = rest.slice(size, rest.len() - size);
        out.append(ar.finish_mean(exact_sum(block), size));
    }
    out.span()
}

/// `global_average_pool` of fixed-point values, `planes` blocks of `size`
/// (at most 2^32) stored values each, without `finish_mean`'s general
/// division: the reference's rounding floor((2·sum + size) / (2·size)) is
/// floor((sum + floor(size / 2)) / size) for an integer sum, and shifted by
/// size·2^63 the numerator is a u128 (sum lies in [-size·2^63, size·2^63)),
/// so one small division by `size` (checked once) gives the mean plus 2^63.
/// The mean of stored values is a stored value: nothing can overflow.
pub fn global_average_pool_fixed(x: Span<felt252>, planes: u32, size: u32) -> Span<felt252> {
    assert(size > 0, 'empty spatial extent');
    assert(x.len() == planes * size, 'GlobalAveragePool input size');
    let d = divisor(size.into());
    let offset: felt252 = size.into() * TWO_POW_63 + (size / 2).into();
    let mut out = array![];
    let mut rest = x;
    for _ in 0..planes {
        let block = rest.slice(0, size);
        rest = rest.slice(size, rest.len() - size);
        let u: u128 = (exact_sum(block) + offset).try_into().unwrap();
        out.append(div(u, d).into() - TWO_POW_63);
    }
    out.span()
}
