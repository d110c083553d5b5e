//! `LayerNormalization` — each row of n elements: mean = exact sum / n
//! (rounded once), d = x - mean (exact), var = (exact sum of d^2 rounded once
//! to scale s) / n rounded once, denom = sqrt(var + eps) to nearest, then per
//! element y = (d / denom) * scale + bias (one division, one Mul, an exact
//! Add); InvStdDev = 1 / denom. `scale` and `bias` hold n values or one
//! (`bias` may be empty). Mirrors runtime/src/ops/layer_normalization.rs.

use crate::arith::Arith;
use crate::fixed::Scale;
use crate::fixed::sqrt::sqrt;

/// Entry `((r mod groups) * n + j) / block` of a parameter (its only entry
/// when it has one). Mirrors `Rows` in the reference.
fn pick(p: Span<felt252>, r: u32, j: u32, n: u32, groups: u32, block: u32) -> felt252 {
    if p.len() == 1 {
        *p[0]
    } else {
        *p[((r % groups) * n + j) / block]
    }
}

/// `(Y, Mean, InvStdDev)` of `rows` rows of `n` elements.
pub fn layer_normalization(
    sc: Scale, x: Span<felt252>, rows: u32, n: u32, scale: Span<felt252>, bias: Span<felt252>, eps: Option<felt252>,
) -> (Span<felt252>, Span<felt252>, Span<felt252>) {
    normalize(sc, x, rows, n, 1, 1, scale, bias, eps)
}

/// Shared with InstanceNormalization and GroupNormalization: each row
/// normalized, element `j` of row `r` scaled and shifted by the parameters'
/// entry `((r mod groups) * n + j) / block`.
pub fn normalize(
    sc: Scale, x: Span<felt252>, rows: u32, n: u32, groups: u32, block: u32, scale: Span<felt252>,
    bias: Span<felt252>, eps: Option<felt252>,
) -> (Span<felt252>, Span<felt252>, Span<felt252>) {
    let ar = @sc;
    let eps = eps.expect('epsilon out of range');
    let mut y = array![];
    let mut means = array![];
    let mut inv_stds = array![];
    for r in 0..rows {
        let row = x.slice(r * n, n);
        let mut acc = 0;
        for v in row {
            acc += *v;
        }
        let mean = ar.finish_mean(acc, n);
        let mut d: Array<felt252> = array![];
        let mut squares = 0;
        for v in row {
            let e = ar.sub(*v, mean);
            squares += e * e;
            d.append(e);
        }
        let var = ar.finish_mean(ar.finish_dot(squares), n);
        let denom = sqrt(ar.add(var, eps), sc);
        let d = d.span();
        for j in 0..n {
            let scaled = ar.mul(ar.div(*d[j], denom), pick(scale, r, j, n, groups, block));
            y.append(if bias.len() == 0 {
                scaled
            } else {
                ar.add(scaled, pick(bias, r, j, n, groups, block))
            });
        }
        means.append(mean);
        inv_stds.append(ar.div(sc.one, denom));
    }
    (y.span(), means.span(), inv_stds.span())
}
