//! `GroupNormalization` — a row per (batch entry, group) over the group's
//! channels and spatial elements; scale and bias per channel (`block` =
//! spatial size) or per group (`block` = row length); arithmetic as
//! LayerNormalization. Mirrors runtime/src/ops/group_normalization.rs.

use crate::fixed::Scale;
use super::layer_normalization::normalize;

pub fn group_normalization(
    sc: Scale, x: Span<felt252>, groups: u32, n: u32, block: u32, scale: Span<felt252>, bias: Span<felt252>,
    eps: Option<felt252>,
) -> Span<felt252> {
    let (y, _mean, _inv_std) = normalize(sc, x, x.len() / n, n, groups, block, scale, bias, eps);
    y
}
