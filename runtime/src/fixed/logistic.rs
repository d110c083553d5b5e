//! Sigmoid and tanh from one table of cubics (docs/fixed-point.md §4).
//!
//! `σ(a)` for `a ≥ 0` is taken piecewise: on each segment `[j/8, (j+1)/8)`
//! of `[0, 24)`, the cubic through σ at the segment's ends and thirds,
//! `c0 + c1 t + c2 t² + c3 t³` in the position `t ∈ [0, 1)` within the
//! segment, its coefficients rounded at scale 40 ([`SIGMOID_CUBIC_Q40`]).
//! With `a` at scale `s_in`, `j = ⌊a / 2^f⌋` and `u = a mod 2^f` for
//! `f = s_in − 3` (`t = u / 2^f`), the cubic is evaluated exactly in integers,
//! `y = c0·2^3f + c1·u·2^2f + c2·u²·2^f + c3·u³` (scale 40 + 3f, below 2^127),
//! and rounded half up once to the output scale. From 24 on the result is 1.
//! `σ(−a) = 1 − σ(a)` and `tanh(a) = 2σ(2a) − 1` (σ at output scale s + 1, of
//! the input read at scale s − 1) make both exactly symmetric.
//!
//! Each step is an integer operation below 2^127, so the Cairo library
//! reproduces it with one u128 division to split `a` and one to round: about
//! eighty Cairo steps an element, where the exponential-based evaluation took
//! about 550 (docs/cairo-codegen.md).
//!
//! Error before the final rounding: the cubics are within 1.61·10⁻⁸ of σ
//! (interpolation; coefficient rounding adds 4·2⁻⁴¹), and 1 − σ(24) < 3.8·10⁻¹¹.
//! Segments of 1/16 would cut that to 10⁻⁹ but double the table, which every
//! program using sigmoid carries in its bytecode (768 words as it is).

pub use super::logistic_table::SIGMOID_CUBIC_Q40;
use super::Scale;

/// Segments per unit of the input: 2^SEGMENT_BITS.
pub const SEGMENT_BITS: u32 = 3;
/// Fraction bits of the table's coefficients.
pub const COEFF_BITS: u32 = 40;
/// Bound on |result − σ| before the final rounding (tested in f64).
pub const SIGMOID_ERROR: f64 = 1.7e-8;
/// Bound on |result − tanh| before the final rounding: twice σ's, and
/// 1 − tanh(12) < 7.6·10⁻¹¹.
pub const TANH_ERROR: f64 = 3.4e-8;

/// `round(σ(a / 2^s_in) · 2^s_out)` for `a ≥ 0`, rounded half up;
/// `s_out ≤ 33`.
pub fn sigmoid_magnitude(a: u128, s_in: u32, s_out: u32) -> u128 {
    debug_assert!(s_out <= 33 && s_in <= 33);
    // segment j and position u (with f fraction bits) of a within it
    let (j, u, f) = if s_in >= SEGMENT_BITS {
        let f = s_in - SEGMENT_BITS;
        (a >> f, a & ((1u128 << f) - 1), f)
    } else if a >= 1 << 64 {
        (u128::MAX, 0, 0)
    } else {
        (a << (SEGMENT_BITS - s_in), 0, 0)
    };
    let Some(c) = usize::try_from(j).ok().and_then(|j| SIGMOID_CUBIC_Q40.get(j)) else {
        return 1 << s_out; // beyond 24: σ is 1 at every supported scale
    };
    let u = u as i128;
    let y = ((c[3] as i128 * u + ((c[2] as i128) << f)) * u + ((c[1] as i128) << (2 * f))) * u
        + ((c[0] as i128) << (3 * f));
    // y ∈ (2^(39 + 3f), 2^(40 + 3f)): positive, below 2^127 (3f ≤ 87), so
    // rounding it in u128 cannot overflow
    let e = COEFF_BITS + 3 * f - s_out;
    (y as u128 + (1 << (e - 1))) >> e
}

/// `round(σ(x) · 2^s)`, `σ(x) = 1 / (1 + e^-x)`: always in `[0, 2^s]`.
pub fn sigmoid(x: i64, scale: Scale) -> i64 {
    let s = scale.bits();
    let r = sigmoid_magnitude(x.unsigned_abs() as u128, s, s) as i64;
    if x < 0 {
        (1 << s) - r
    } else {
        r
    }
}

/// `round(tanh(x) · 2^s)` as `2σ(2|x|) − 1`, negated for `x < 0`: exactly
/// odd, always in `[−2^s, 2^s]`.
pub fn tanh(x: i64, scale: Scale) -> i64 {
    let s = scale.bits();
    // 2|x| at scale s is |x| at scale s - 1; σ at scale s + 1 is 2σ at scale s
    let t = sigmoid_magnitude(x.unsigned_abs() as u128, s - 1, s + 1) as i64 - (1 << s);
    if x < 0 {
        -t
    } else {
        t
    }
}

/// The cubic through σ at the ends and thirds of segment `j`, coefficients
/// in the position t ∈ [0, 1] rounded at scale 40: how [`SIGMOID_CUBIC_Q40`]
/// was made (libm's exp and IEEE arithmetic: the same on every machine).
#[cfg(test)]
pub(crate) fn cubic_through_sigmoid(j: usize) -> [i64; 4] {
    let sigma = |x: f64| 1.0 / (1.0 + libm::exp(-x));
    let h = 1.0 / (1u32 << SEGMENT_BITS) as f64;
    let nodes = [0.0, 1.0 / 3.0, 2.0 / 3.0, 1.0];
    let mut coeffs = [0.0f64; 4];
    for (i, &ti) in nodes.iter().enumerate() {
        // the Lagrange basis polynomial of node i, in monomial form
        let mut basis = vec![1.0f64];
        let mut denominator = 1.0;
        for (k, &tk) in nodes.iter().enumerate() {
            if k == i {
                continue;
            }
            let mut next = vec![0.0; basis.len() + 1];
            for (d, &b) in basis.iter().enumerate() {
                next[d + 1] += b;
                next[d] -= tk * b;
            }
            basis = next;
            denominator *= ti - tk;
        }
        let yi = sigma((j as f64 + ti) * h);
        for d in 0..4 {
            coeffs[d] += yi * basis[d] / denominator;
        }
    }
    coeffs.map(|c| (c * (1u64 << COEFF_BITS) as f64).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sc(bits: u32) -> Scale {
        Scale::new(bits).unwrap()
    }

    /// The committed table is what `cubic_through_sigmoid` gives. With
    /// CAIRN_BLESS=1 this prints the table instead (for logistic_table.rs).
    #[test]
    fn table_is_the_cubics_through_sigmoid() {
        let derived: Vec<[i64; 4]> = (0..SIGMOID_CUBIC_Q40.len()).map(cubic_through_sigmoid).collect();
        if std::env::var_os("CAIRN_BLESS").is_some() {
            for row in &derived {
                println!("    [{}, {}, {}, {}],", row[0], row[1], row[2], row[3]);
            }
        }
        assert_eq!(derived.as_slice(), SIGMOID_CUBIC_Q40.as_slice());
        assert_eq!(SIGMOID_CUBIC_Q40[0][0], 1 << (COEFF_BITS - 1), "σ(0) = 1/2 exactly");
        assert_eq!(SIGMOID_CUBIC_Q40.len(), 24 << SEGMENT_BITS);
    }

    /// Before its rounding the result is within SIGMOID_ERROR of σ: checked
    /// at scale 40 output on a fine grid of every segment and beyond.
    #[test]
    fn error_before_rounding_is_within_the_bound() {
        let (s_in, s_out) = (30, 33);
        let mut worst: f64 = 0.0;
        let step = (1u128 << s_in) / 997;
        let mut a = 0u128;
        while a < 26u128 << s_in {
            let x = a as f64 / (1u64 << s_in) as f64;
            let got = sigmoid_magnitude(a, s_in, s_out) as f64 / (1u64 << s_out) as f64;
            let want = 1.0 / (1.0 + (-x).exp());
            // the final rounding at scale 33 adds 2^-34
            worst = worst.max((got - want).abs() - 2f64.powi(-34));
            a += step;
        }
        assert!(worst <= SIGMOID_ERROR, "worst {worst:e}");
        eprintln!("sigmoid: worst error before rounding {worst:.3e} (bound {SIGMOID_ERROR:e})");
    }

    #[test]
    fn sigmoid_and_tanh_accuracy_at_every_scale() {
        for bits in 1..=32 {
            let s = sc(bits);
            let one = s.factor();
            let step = ((1i64 << bits) / 37).max(1);
            let mut x = -(30i64 << bits);
            while x <= 30i64 << bits {
                let xr = x as f64 / one;
                let sig = sigmoid(x, s) as f64;
                let want = one / (1.0 + (-xr).exp());
                assert!((sig - want).abs() <= 0.5 + SIGMOID_ERROR * one, "sigmoid s={bits} x={xr}: {sig} vs {want}");
                let th = tanh(x, s) as f64;
                let want = xr.tanh() * one;
                assert!((th - want).abs() <= 0.5 + TANH_ERROR * one, "tanh s={bits} x={xr}: {th} vs {want}");
                x += step;
            }
        }
    }

    #[test]
    fn exact_points_and_symmetries() {
        for bits in 1..=32 {
            let s = sc(bits);
            assert_eq!(sigmoid(0, s), 1 << (bits - 1));
            assert_eq!(tanh(0, s), 0);
            assert_eq!(sigmoid(i64::MAX, s), 1 << bits);
            assert_eq!(sigmoid(i64::MIN, s), 0);
            assert_eq!(tanh(i64::MIN, s), -(1 << bits));
            assert_eq!(tanh(i64::MAX, s), 1 << bits);
            for x in [1i64, 7, 1 << (bits - 1), 3 << bits, 123_456_789, -987_654_321] {
                assert_eq!(sigmoid(x, s) + sigmoid(-x, s), 1 << bits, "σ(x) + σ(-x) = 1 at s={bits}");
                assert_eq!(tanh(-x, s), -tanh(x, s));
            }
        }
    }

    /// Non-decreasing over every input at scale 12 (±26 covers the table and
    /// the saturated ends).
    #[test]
    fn monotone() {
        let s = sc(12);
        let (mut prev_s, mut prev_t) = (sigmoid(-(26 << 12), s), tanh(-(26 << 12), s));
        for x in -(26i64 << 12)..=(26 << 12) {
            let (sg, th) = (sigmoid(x, s), tanh(x, s));
            assert!(sg >= prev_s && th >= prev_t, "not monotone at {x}");
            (prev_s, prev_t) = (sg, th);
        }
    }
}
