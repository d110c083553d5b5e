//! `Resize` (and `Upsample`) — the code generator computes the geometry from
//! the static shapes (runtime/src/ops/resize.rs: `gather_map`,
//! `linear_terms`); these functions apply it. Nearest: a gather (exact).
//! Linear: per output, the exact sum of source × quantized weight, rounded
//! once half up (`acc_finish_dot`). Mirrors runtime/src/ops/resize.rs.

use crate::fixed::{Scale, rescale};

/// `x` at the flat source index of every output element.
pub fn gather(x: Span<felt252>, source: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for s in source {
        let i: u32 = (*s).try_into().unwrap();
        out.append(*x[i]);
    }
    out.span()
}

/// Output k is `round(Σ x[index[j]] · weight[j] / 2^s)` over its `terms[k]`
/// consecutive (index, weight) pairs.
pub fn weighted_sums(
    sc: Scale, x: Span<felt252>, terms: Span<felt252>, index: Span<felt252>, weight: Span<felt252>,
) -> Span<felt252> {
    let mut out = array![];
    let mut j: u32 = 0;
    for count in terms {
        let count: u32 = (*count).try_into().unwrap();
        let mut acc: felt252 = 0;
        for _ in 0..count {
            let i: u32 = (*index[j]).try_into().unwrap();
            acc += *x[i] * *weight[j];
            j += 1;
        }
        out.append(rescale(acc, sc));
    }
    out.span()
}
