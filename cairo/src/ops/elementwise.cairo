//! Element-wise machinery shared by Add, Sub, Mul, Div: numpy broadcasting.
//! Mirrors runtime/src/ops/elementwise.rs.

use crate::arith::Arith;
use crate::tensor::broadcast_map;

#[derive(Copy, Drop, PartialEq, Debug)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
}

fn apply<A, +Arith<A>>(ar: @A, op: BinaryOp, a: felt252, b: felt252) -> felt252 {
    match op {
        BinaryOp::Add => ar.add(a, b),
        BinaryOp::Sub => ar.sub(a, b),
        BinaryOp::Mul => ar.mul(a, b),
        BinaryOp::Div => ar.div(a, b),
    }
}

/// `op(a, b)` element-wise with broadcasting to `out_shape`.
pub fn binary<A, +Arith<A>>(
    ar: @A,
    op: BinaryOp,
    a: Span<felt252>,
    a_shape: Span<u32>,
    b: Span<felt252>,
    b_shape: Span<u32>,
    out_shape: Span<u32>,
) -> Span<felt252> {
    let mut out = array![];
    if a_shape == out_shape && b_shape == out_shape {
        for i in 0..a.len() {
            out.append(apply(ar, op, *a[i], *b[i]));
        }
        return out.span();
    }
    let ma = broadcast_map(a_shape, out_shape);
    let mb = broadcast_map(b_shape, out_shape);
    for i in 0..ma.len() {
        out.append(apply(ar, op, *a[*ma[i]], *b[*mb[i]]));
    }
    out.span()
}
