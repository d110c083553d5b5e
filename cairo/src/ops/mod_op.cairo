//! `Mod` — the remainder of a / b with numpy broadcasting, on stored values or
//! integers alike (the quotient is an integer, so the remainder lies on the
//! same grid): `fmod` takes the dividend's sign (truncated quotient), else the
//! divisor's (floored quotient). Exact, |r| < |b|; b = 0 panics (the
//! reference's division-by-zero error). The file is mod_op because `mod` is a
//! keyword. Mirrors runtime/src/ops/mod_op.rs (`fixed::integer::modulo`).

use crate::arith::abs;
use crate::tensor::broadcast_map;

/// One remainder; values are below 2^63 in magnitude.
pub fn remainder(a: felt252, b: felt252, fmod: bool) -> felt252 {
    assert(b != 0, 'division by zero');
    let (na, ua) = abs(a);
    let (nb, ub) = abs(b);
    let (_, rm) = DivRem::div_rem(ua, ub.try_into().unwrap());
    // the truncated remainder has the sign of a
    let r: felt252 = if na {
        -rm.into()
    } else {
        rm.into()
    };
    if !fmod && rm != 0 && na != nb {
        r + b
    } else {
        r
    }
}

pub fn modulo(
    a: Span<felt252>, a_shape: Span<u32>, b: Span<felt252>, b_shape: Span<u32>, out_shape: Span<u32>, fmod: bool,
) -> Span<felt252> {
    let mut out = array![];
    if a_shape == out_shape && b_shape == out_shape {
        for i in 0..a.len() {
            out.append(remainder(*a[i], *b[i], fmod));
        }
        return out.span();
    }
    let ma = broadcast_map(a_shape, out_shape);
    let mb = broadcast_map(b_shape, out_shape);
    for i in 0..ma.len() {
        out.append(remainder(*a[*ma[i]], *b[*mb[i]], fmod));
    }
    out.span()
}
