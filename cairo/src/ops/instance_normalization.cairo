//! `InstanceNormalization` — a row per (batch entry, channel) over the
//! spatial elements, scale and B per channel; arithmetic as
//! LayerNormalization. Mirrors runtime/src/ops/instance_normalization.rs.

use crate::fixed::Scale;
use super::layer_normalization::normalize;

pub fn instance_normalization(
    sc: Scale, x: Span<felt252>, channels: u32, spatial: u32, scale: Span<felt252>, bias: Span<felt252>,
    eps: Option<felt252>,
) -> Span<felt252> {
    let (y, _mean, _inv_std) = normalize(sc, x, x.len() / spatial, spatial, channels, spatial, scale, bias, eps);
    y
}
