//! `GlobalAveragePool` — the mean over all spatial axes of `[N, C, D...]`,
//! giving `[N, C, 1, ...]`: per (n, c), the exact sum of its contiguous
//! spatial block divided once by its size (`finish_mean`: rounded half up in
//! fixed point, range-checked). An empty spatial extent panics.
//! Mirrors runtime/src/ops/global_average_pool.rs.

use crate::arith::Arith;
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
