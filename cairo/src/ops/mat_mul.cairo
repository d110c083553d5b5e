//! `MatMul` — numpy matrix product: a 1-D A is promoted to a row [1, K] and a
//! 1-D B to a column [K, 1] (the added axis is removed again from the output);
//! the leading (batch) axes broadcast. Each output is one exact felt252 sum of
//! the products, rounded once and range-checked once (`finish_dot`): fixed
//! point rescales from 2s to s half up; integers are exact within the dtype.
//! This is the generic version (runtime shapes and operands, any weights).
//! Mirrors runtime/src/ops/mat_mul.rs.

use crate::arith::Arith;
use crate::tensor::broadcast_map;

/// Multidirectional (numpy) broadcast of two shapes.
fn broadcast_shapes(a: Span<u32>, b: Span<u32>) -> Span<u32> {
    let rank = if a.len() > b.len() {
        a.len()
    } else {
        b.len()
    };
    let mut out = array![];
    for i in 0..rank {
        let da = if i + a.len() >= rank {
            *a[i + a.len() - rank]
        } else {
            1
        };
        let db = if i + b.len() >= rank {
            *b[i + b.len() - rank]
        } else {
            1
        };
        let d = if da == db || db == 1 {
            da
        } else {
            assert(da == 1, 'matmul: batch shapes differ');
            db
        };
        out.append(d);
    }
    out.span()
}

pub fn mat_mul<A, +Arith<A>>(
    ar: @A, a: Span<felt252>, a_shape: Span<u32>, b: Span<felt252>, b_shape: Span<u32>,
) -> Span<felt252> {
    let (ra0, rb0) = (a_shape.len(), b_shape.len());
    assert(ra0 >= 1 && rb0 >= 1, 'matmul: rank 0 operand');
    let a_shape = if ra0 == 1 {
        array![1, *a_shape[0]].span()
    } else {
        a_shape
    };
    let b_shape = if rb0 == 1 {
        array![*b_shape[0], 1].span()
    } else {
        b_shape
    };
    let (ra, rb) = (a_shape.len(), b_shape.len());
    let (n, k) = (*a_shape[ra - 2], *a_shape[ra - 1]);
    let (k2, m) = (*b_shape[rb - 2], *b_shape[rb - 1]);
    assert(k == k2, 'matmul: inner dims differ');
    let batch_a = a_shape.slice(0, ra - 2);
    let batch_b = b_shape.slice(0, rb - 2);
    let batch = broadcast_shapes(batch_a, batch_b);
    let map_a = broadcast_map(batch_a, batch).span();
    let map_b = broadcast_map(batch_b, batch).span();
    let mut out = array![];
    for bi in 0..map_a.len() {
        let a_off = *map_a[bi] * n * k;
        let b_off = *map_b[bi] * k * m;
        for i in 0..n {
            let a_row = a_off + i * k;
            for j in 0..m {
                let mut acc = 0;
                let mut b_idx = b_off + j; // B[t][j], one row further each step
                for t in 0..k {
                    acc += *a[a_row + t] * *b[b_idx];
                    b_idx += m;
                }
                out.append(ar.finish_dot(acc));
            }
        }
    }
    out.span()
}
