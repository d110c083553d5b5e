//! Exact operations on stored values: Floor, Ceil, Round (half to even), Mod
//! and integer powers. The first four are exact; an integer power rounds once
//! per multiplication.

use super::Scale;

/// `floor(x)` on the grid: `floor(q / 2^s) · 2^s` (never overflows).
pub fn floor(q: i64, scale: Scale) -> i128 {
    ((q as i128) >> scale.bits()) << scale.bits()
}

/// `ceil(x)`: `-floor(-x)`; may leave the range just below 2^63 (the caller checks).
pub fn ceil(q: i64, scale: Scale) -> i128 {
    -(((-(q as i128)) >> scale.bits()) << scale.bits())
}

/// Round to the nearest integer, ties to even (ONNX Round, numpy's `round`).
pub fn round_half_even(q: i64, scale: Scale) -> i128 {
    let s = scale.bits();
    let one = 1i128 << s;
    let base = floor(q, scale);
    let frac = q as i128 - base; // in [0, 2^s)
    let half = one >> 1;
    let odd = (base >> s) & 1 == 1;
    if frac > half || (frac == half && odd) {
        base + one
    } else {
        base
    }
}

/// The remainder of `a / b` (both stored values or both integers, `b ≠ 0`):
/// with `fmod` the sign of the dividend (C `fmod`, truncated quotient), else
/// the sign of the divisor (Python `%`, floored quotient). Exact, `|r| < |b|`.
pub fn modulo(a: i64, b: i64, fmod: bool) -> i128 {
    debug_assert!(b != 0);
    let (a, b) = (a as i128, b as i128);
    let r = a % b; // truncated: the sign of a
    if !fmod && r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// `x^n` for `n ≥ 1` by binary exponentiation from the most significant bit:
/// `r = x`; for each following bit of n, `r = mul(r, r)`, then `r = mul(r, x)`
/// if the bit is set. `mul` is the domain's multiplication (one rounding and a
/// range check each), so an intermediate past the range is an error.
pub fn pow_by_squaring<E: Copy, Err>(x: E, n: u64, mut mul: impl FnMut(E, E) -> Result<E, Err>) -> Result<E, Err> {
    debug_assert!(n >= 1);
    let mut r = x;
    for bit in (0..63 - n.leading_zeros()).rev() {
        r = mul(r, r)?;
        if (n >> bit) & 1 == 1 {
            r = mul(r, x)?;
        }
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_ceil_round() {
        let s = Scale::new(4).unwrap();
        let cases = [
            // q (x·16), floor, ceil, round-half-even (all ·16)
            (0, 0, 0, 0),
            (1, 0, 16, 0),
            (8, 0, 16, 0),    // 0.5 -> 0
            (24, 16, 32, 32), // 1.5 -> 2
            (40, 32, 48, 32), // 2.5 -> 2
            (-8, -16, 0, 0),  // -0.5 -> -0
            (-24, -32, -16, -32),
            (-40, -48, -32, -32),
            (-41, -48, -32, -48),
            (25, 16, 32, 32),
        ];
        for (q, f, c, r) in cases {
            assert_eq!((floor(q, s), ceil(q, s), round_half_even(q, s)), (f, c, r), "q={q}");
        }
        let s = Scale::new(16).unwrap();
        assert_eq!(ceil(i64::MAX, s), 1i128 << 63);
        assert_eq!(floor(i64::MIN, s), i64::MIN as i128);
    }

    #[test]
    fn modulo_signs() {
        for (a, b, fm, py) in
            [(7, 3, 1, 1), (-7, 3, -1, 2), (7, -3, 1, -2), (-7, -3, -1, -1), (6, 3, 0, 0), (-6, 3, 0, 0)]
        {
            assert_eq!(modulo(a, b, true), fm, "fmod {a} {b}");
            assert_eq!(modulo(a, b, false), py, "mod {a} {b}");
        }
        assert_eq!(modulo(i64::MIN, -1, false), 0);
    }

    #[test]
    fn pow_by_squaring_order() {
        let mut steps = Vec::new();
        let r = pow_by_squaring(3i128, 13, |a, b| {
            steps.push((a, b));
            Ok::<_, ()>(a * b)
        });
        assert_eq!(r, Ok(3i128.pow(13)));
        // 13 = 0b1101: square, times x, square, square, times x
        assert_eq!(steps.len(), 5);
        assert_eq!(pow_by_squaring(5i128, 1, |a, b| Ok::<_, ()>(a * b)), Ok(5));
    }
}
