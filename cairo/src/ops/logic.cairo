//! Comparisons and logical operators (Equal, Less, LessOrEqual, Greater,
//! GreaterOrEqual, And, Or, Xor, Not) into bool tensors (felts 0 or 1), numpy
//! broadcasting. Comparisons are signed comparisons of stored values, reals
//! and ints alike; And/Or/Xor read their inputs as bools (0 or 1).
//! Mirrors runtime/src/ops/logic.rs.

use crate::fixed::lt;
use crate::tensor::{broadcast_map, numel};

#[derive(Copy, Drop, PartialEq, Debug)]
pub enum Predicate {
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
    Xor,
}

fn holds(p: Predicate, a: felt252, b: felt252) -> bool {
    match p {
        Predicate::Equal => a == b,
        Predicate::Less => lt(a, b),
        Predicate::LessOrEqual => !lt(b, a),
        Predicate::Greater => lt(b, a),
        Predicate::GreaterOrEqual => !lt(a, b),
        Predicate::And => a != 0 && b != 0,
        Predicate::Or => a != 0 || b != 0,
        Predicate::Xor => (a != 0) != (b != 0),
    }
}

fn as_felt(b: bool) -> felt252 {
    if b {
        1
    } else {
        0
    }
}

/// `p(a, b)` element-wise with broadcasting to `out_shape`, as 0/1.
pub fn predicate(
    p: Predicate, a: Span<felt252>, a_shape: Span<u32>, b: Span<felt252>, b_shape: Span<u32>, out_shape: Span<u32>,
) -> Span<felt252> {
    let mut out = array![];
    if a_shape == out_shape && b_shape == out_shape {
        for i in 0..a.len() {
            out.append(as_felt(holds(p, *a[i], *b[i])));
        }
        return out.span();
    }
    // one operand a single value: the other read in order, no index maps
    let n = numel(out_shape);
    if b.len() == 1 && a.len() == n {
        let s = *b[0];
        for v in a {
            out.append(as_felt(holds(p, *v, s)));
        }
        return out.span();
    }
    if a.len() == 1 && b.len() == n {
        let s = *a[0];
        for v in b {
            out.append(as_felt(holds(p, s, *v)));
        }
        return out.span();
    }
    let ma = broadcast_map(a_shape, out_shape);
    let mb = broadcast_map(b_shape, out_shape);
    for i in 0..ma.len() {
        out.append(as_felt(holds(p, *a[*ma[i]], *b[*mb[i]])));
    }
    out.span()
}
