//! `Gemm` — Y = alpha A'B' + beta C. With alpha = 1 each output is one exact
//! felt252 sum of the products and beta*C * 2^s, rounded once and range-checked
//! once; beta != 1 multiplies C first (one Mul); alpha != 1 rounds the products,
//! multiplies by alpha, then adds beta*C. beta = 0 ignores C; C broadcasts to [M, N].
//! Mirrors runtime/src/ops/gemm.rs.

use crate::arith::Arith;
use crate::tensor::{broadcast_map, take};

/// `alpha`/`beta` are `None` when equal to 1 (the common case: no extra rounding).
/// `c` is `None` when absent or when beta = 0.
pub fn gemm<A, +Arith<A>>(
    ar: @A,
    a: Span<felt252>,
    a_shape: Span<u32>,
    b: Span<felt252>,
    b_shape: Span<u32>,
    c: Option<(Span<felt252>, Span<u32>)>,
    alpha: Option<felt252>,
    beta: Option<felt252>,
    trans_a: bool,
    trans_b: bool,
) -> Span<felt252> {
    let (a0, a1) = (*a_shape[0], *a_shape[1]);
    let (b0, b1) = (*b_shape[0], *b_shape[1]);
    let (m, k) = if trans_a {
        (a1, a0)
    } else {
        (a0, a1)
    };
    let n = if trans_b {
        b0
    } else {
        b1
    };
    // C broadcast to [M, N] once, so the loop reads it by output index.
    let c_full: Span<felt252> = match c {
        Option::Some((c, c_shape)) => take(c, broadcast_map(c_shape, array![m, n].span()).span()).span(),
        Option::None => array![].span(),
    };
    let has_c = c.is_some();
    let mut out = array![];
    for i in 0..m {
        for j in 0..n {
            let mut acc = 0;
            for t in 0..k {
                let x = if trans_a {
                    *a[t * a1 + i]
                } else {
                    *a[i * a1 + t]
                };
                let w = if trans_b {
                    *b[j * b1 + t]
                } else {
                    *b[t * b1 + j]
                };
                acc += x * w;
            }
            let cv = if has_c {
                match beta {
                    Option::Some(beta) => ar.mul(*c_full[i * n + j], beta),
                    Option::None => *c_full[i * n + j],
                }
            } else {
                0
            };
            let y = match alpha {
                Option::None => ar.finish_dot(acc + ar.bias_term(cv)),
                Option::Some(alpha) => {
                    let t = ar.mul(ar.finish_dot(acc), alpha);
                    if has_c {
                        ar.add(t, cv)
                    } else {
                        t
                    }
                },
            };
            out.append(y);
        }
    }
    out.span()
}
