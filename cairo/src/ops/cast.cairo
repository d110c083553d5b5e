//! `Cast` — between cairn's real (fixed-point) and integer tensors:
//! real -> real keeps the stored value (the code generator passes it through);
//! real -> int truncates towards zero (x / 2^s) and panics outside the target
//! type; int -> real is x * 2^s, panicking past 2^63; int -> int panics outside
//! the target type (no wrap); -> bool maps non-zero to 1.
//! Mirrors runtime/src/ops/cast.rs.

use crate::arith::{IntRange, check_int, div_trunc};
use crate::fixed::{Scale, check_i64};

/// real -> int: truncation towards zero, then the target's range check.
pub fn real_to_int(sc: Scale, x: Span<felt252>, to: IntRange) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(check_int(@to, div_trunc(*v, sc.one)));
    }
    out.span()
}

/// int -> real: exact, range-checked. Mirrors `FixedArith::from_int`.
pub fn int_to_real(sc: Scale, x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(check_i64(*v * sc.one));
    }
    out.span()
}

/// int -> int: the target's range check.
pub fn int_to_int(x: Span<felt252>, to: IntRange) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(check_int(@to, *v));
    }
    out.span()
}

/// any -> bool: non-zero becomes 1.
pub fn to_bool(x: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        out.append(if *v == 0 {
            0
        } else {
            1
        });
    }
    out.span()
}
