//! `Where` — `condition ? X : Y` element-wise, the three inputs broadcast
//! together numpy-style; a selection of stored values, exact.
//! Mirrors runtime/src/ops/where.rs.

use crate::tensor::broadcast_map;

pub fn where(
    cond: Span<felt252>,
    cond_shape: Span<u32>,
    x: Span<felt252>,
    x_shape: Span<u32>,
    y: Span<felt252>,
    y_shape: Span<u32>,
    out_shape: Span<u32>,
) -> Span<felt252> {
    let mut out = array![];
    if cond_shape == out_shape && x_shape == out_shape && y_shape == out_shape {
        for i in 0..cond.len() {
            out.append(if *cond[i] != 0 {
                *x[i]
            } else {
                *y[i]
            });
        }
        return out.span();
    }
    let mc = broadcast_map(cond_shape, out_shape);
    let mx = broadcast_map(x_shape, out_shape);
    let my = broadcast_map(y_shape, out_shape);
    for i in 0..mc.len() {
        out.append(if *cond[*mc[i]] != 0 {
            *x[*mx[i]]
        } else {
            *y[*my[i]]
        });
    }
    out.span()
}
