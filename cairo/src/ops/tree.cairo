//! Decision trees for the tree-ensemble operators. Mirrors runtime/src/ops/tree.rs.
//!
//! Node `i`: `mode[i]` (LEAF or a split), `feature[i]`, the bracket
//! `lo[i] = floor(t)`, `hi[i] = ceil(t)` of its threshold (for MEMBER: the
//! range of its exact members in `members`), its children `if_true[i]`,
//! `if_false[i]` (for a leaf: the range of its weights).

use crate::fixed::lt;

pub const LEAF: u8 = 0;
pub const LEQ: u8 = 1;
pub const LT: u8 = 2;
pub const GTE: u8 = 3;
pub const GT: u8 = 4;
pub const EQ: u8 = 5;
pub const NEQ: u8 = 6;
pub const MEMBER: u8 = 7;

#[derive(Copy, Drop)]
pub struct Forest {
    pub mode: Span<u8>,
    pub feature: Span<u32>,
    pub lo: Span<felt252>,
    pub hi: Span<felt252>,
    pub if_true: Span<u32>,
    pub if_false: Span<u32>,
    pub roots: Span<u32>,
    pub members: Span<felt252>,
    /// Class or target of each leaf weight.
    pub target: Span<u32>,
    pub weight: Span<felt252>,
}

/// The weight range `[start, end)` of the leaf `row` reaches from `root`.
pub fn leaf(f: @Forest, row: Span<felt252>, root: u32) -> (u32, u32) {
    let mut i = root;
    loop {
        let mode = *(*f.mode)[i];
        if mode == LEAF {
            break;
        }
        let x = *row[*(*f.feature)[i]];
        let lo = *(*f.lo)[i];
        let hi = *(*f.hi)[i];
        let go = if mode == LEQ {
            !lt(lo, x)
        } else if mode == LT {
            lt(x, hi)
        } else if mode == GTE {
            !lt(x, hi)
        } else if mode == GT {
            lt(lo, x)
        } else if mode == EQ {
            lo == hi && x == lo
        } else if mode == NEQ {
            !(lo == hi && x == lo)
        } else {
            is_member(*f.members, lo, hi, x)
        };
        i = if go {
            *(*f.if_true)[i]
        } else {
            *(*f.if_false)[i]
        };
    }
    (*(*f.if_true)[i], *(*f.if_false)[i])
}

fn is_member(members: Span<felt252>, start: felt252, end: felt252, x: felt252) -> bool {
    let start: u32 = start.try_into().unwrap();
    let end: u32 = end.try_into().unwrap();
    let mut k = start;
    let mut found = false;
    while k < end {
        if *members[k] == x {
            found = true;
            break;
        }
        k += 1;
    }
    found
}
