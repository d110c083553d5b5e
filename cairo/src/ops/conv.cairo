//! `Conv` — N-D convolution (1-D, 2-D, 3-D, ...) with pads, `auto_pad`,
//! strides, dilations and `group`. X is [N, C, D...], W is [M, C/group, K...],
//! the optional bias B is [M]. Output channel m of group g = m / (M/group)
//! reads input channels g*C/group ... (g+1)*C/group - 1. Each output is one
//! exact felt252 sum of the products over those channels and the in-bounds
//! window positions, plus `bias_term(B[m])` (the bias at scale 2s), rounded
//! once and range-checked once (`finish_dot`). The geometry is computed here
//! (ops/window.cairo); the kernel size is `kernel_shape`, or W's spatial
//! dimensions when the attribute is absent (an empty `attrs.kernel`).
//! This is the generic version (runtime shapes and operands, any weights).
//! Mirrors runtime/src/ops/conv.rs.

use crate::arith::Arith;
use crate::tensor::numel;
use super::window::{WindowAttrs, resolve, split_nc, taps};

pub fn conv<A, +Arith<A>>(
    ar: @A,
    x: Span<felt252>,
    x_shape: Span<u32>,
    w: Span<felt252>,
    w_shape: Span<u32>,
    b: Option<(Span<felt252>, Span<u32>)>,
    group: u32,
    attrs: WindowAttrs,
) -> Span<felt252> {
    let (n, c, spatial) = split_nc(x_shape);
    assert(w_shape.len() == x_shape.len(), 'conv: W rank differs from X');
    let (m, cg) = (*w_shape[0], *w_shape[1]);
    let g = group;
    assert(g > 0, 'conv: group must be positive');
    assert(c % g == 0 && m % g == 0 && cg * g == c, 'conv: channels vs group');
    let bias: Span<felt252> = match b {
        Option::Some((b, b_shape)) => {
            assert(b_shape == array![m].span(), 'conv: bias must be [M]');
            b
        },
        Option::None => array![].span(),
    };
    let has_bias = b.is_some();
    let mut attrs = attrs;
    if attrs.kernel.len() == 0 {
        attrs.kernel = w_shape.slice(2, w_shape.len() - 2);
    }
    let win = resolve(@attrs, spatial);
    let taps = taps(@win);
    let in_sz = numel(spatial);
    let k_sz = numel(win.kernel);
    let m_per_group = m / g;
    let mut out = array![];
    for ni in 0..n {
        for mi in 0..m {
            let gi = mi / m_per_group;
            let x_group = (ni * c + gi * cg) * in_sz;
            let w_filter = mi * cg * k_sz;
            for tap in taps {
                let (tk, ti) = (*tap.kernel, *tap.input);
                let mut acc = 0;
                for ci in 0..cg {
                    let x_base = x_group + ci * in_sz;
                    let w_base = w_filter + ci * k_sz;
                    for q in 0..ti.len() {
                        acc += *x[x_base + *ti[q]] * *w[w_base + *tk[q]];
                    }
                }
                if has_bias {
                    acc += ar.bias_term(*bias[mi]);
                }
                out.append(ar.finish_dot(acc));
            }
        }
    }
    out.span()
}
