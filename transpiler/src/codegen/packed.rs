//! Packed lanes for dense layers (docs/cairo-codegen.md, "Packed lanes"):
//! the choice of a lane format a layer's weights provably allow, and the
//! packed constants. The Cairo side is `cairo/src/packed.cairo`.
//!
//! A word carries `lanes` outputs; lane `l` sits at bit `offsets()[l]` and
//! holds `u = S + 2^(s-1) + 2^(k-1)` for the output's exact sum `S` (products
//! plus bias, scale 2s). When the inputs' Euclidean norm is below R = 2^b,
//! Cauchy-Schwarz gives |sum x w| <= R * |w|, so every `u` lies in [0, 2^k)
//! when `R * ceil(|w|) + |bias + 2^(s-1)| <= 2^(k-1) - 1` for every output of
//! the layer — the condition `choose` establishes — and the word is below
//! 2^251 < p: its lanes separate exactly.

use starknet_types_core::felt::Felt;

/// Every input up to 2^HEADROOM_BITS in real terms (4096) must pass the
/// norm check before a layer is packed: a packed layer whose check fails
/// falls back to a plain path (correct, but slower), so the bound must sit
/// far above the activations models produce.
pub const HEADROOM_BITS: u32 = 12;

/// A layer's lane format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Packing {
    /// Outputs per word: 4 (two per u128 half) or 2 (one per half).
    pub lanes: usize,
    /// Lane width in bits.
    pub k: u32,
    /// The inputs' Euclidean norm must be below 2^b (b <= 64, checked at
    /// run time as a squared norm below 2^(2b)).
    pub bound_bits: u32,
}

impl Packing {
    /// Bit offsets of the lanes: no lane straddles the two u128 halves a
    /// felt splits into, and the high half stays below 2^123 (p < 2^252).
    pub fn offsets(&self) -> Vec<u32> {
        match self.lanes {
            4 => vec![0, self.k, 128, 128 + self.k],
            _ => vec![0, 128],
        }
    }

    /// The packing with `lanes` lanes of width `k` for outputs with these
    /// weights (`weights[j][t]`) and biases (scale 2s, without the rounding
    /// half), and the largest norm bound it allows; `None` when the bound
    /// would not pass `n_inputs` values of 2^HEADROOM_BITS each.
    fn with(lanes: usize, k: u32, weights: &[Vec<i64>], bias: &[i128], s: u32, n_inputs: usize) -> Option<Packing> {
        let limit: u128 = (1u128 << (k - 1)) - 1;
        let mut b = 64u32;
        for (w, &c) in weights.iter().zip(bias) {
            let squares = w.iter().try_fold(0u128, |acc, &v| acc.checked_add((v as i128 * v as i128) as u128))?;
            let norm = squares.isqrt() + 1; // > |w|
            let fixed = (c + (1i128 << (s - 1))).unsigned_abs();
            let room = limit.checked_sub(fixed)?;
            let ratio = room / norm; // 2^b * norm <= room  <=>  2^b <= floor(room / norm)
            if ratio == 0 {
                return None;
            }
            b = b.min(127 - ratio.leading_zeros());
        }
        // norm of n values of 2^(s + HEADROOM_BITS): 2^(s + HEADROOM_BITS) * sqrt(n)
        let needed = s + HEADROOM_BITS + (usize::BITS - n_inputs.max(1).saturating_sub(1).leading_zeros()).div_ceil(2);
        (b >= needed).then_some(Packing { lanes, k, bound_bits: b })
    }

    /// The widest packing the layer allows: four lanes of 61 bits, else two
    /// of up to 123 bits (their rounded value must stay in the stored range,
    /// k - 1 - s <= 63).
    /// `n_inputs` is the number of values the norm is taken over.
    pub fn choose(weights: &[Vec<i64>], bias: &[i128], s: u32, n_inputs: usize) -> Option<Packing> {
        Packing::with(4, 61, weights, bias, s, n_inputs)
            .or_else(|| Packing::with(2, (64 + s).min(123), weights, bias, s, n_inputs))
    }

    /// The packed coefficient of input `t` for the outputs `js` (one word):
    /// `sum_l w[js[l]][t] * 2^offset_l` as a felt, `None` when all are zero.
    pub fn word(&self, weights: &[Vec<i64>], js: std::ops::Range<usize>, t: usize) -> Option<Felt> {
        let mut any = false;
        let mut acc = Felt::ZERO;
        for (l, j) in js.enumerate() {
            let w = weights[j][t];
            if w != 0 {
                any = true;
                acc += signed(w as i128) * Felt::TWO.pow(self.offsets()[l] as u128);
            }
        }
        any.then_some(acc)
    }

    /// Weight `w` in lane `l` of a word: w * 2^offset_l as a felt.
    pub fn lane_term(&self, l: usize, w: i64) -> Felt {
        signed(w as i128) * Felt::TWO.pow(self.offsets()[l] as u128)
    }

    /// The constant added to a word's sum: every lane's bias, rounding half
    /// and centring offset 2^(k-1).
    pub fn word_constant(&self, bias: &[i128], js: std::ops::Range<usize>, s: u32) -> Felt {
        let mut acc = Felt::ZERO;
        for (l, j) in js.enumerate() {
            let lane = signed(bias[j]) + Felt::TWO.pow(s as u128 - 1) + Felt::TWO.pow(self.k as u128 - 1);
            acc += lane * Felt::TWO.pow(self.offsets()[l] as u128);
        }
        acc
    }
}

/// A signed integer as a felt (negatives as p - |v|).
fn signed(v: i128) -> Felt {
    let f = Felt::from(v.unsigned_abs());
    if v < 0 {
        -f
    } else {
        f
    }
}

/// A felt as a Cairo literal: small negatives as `-n`, the rest in hex.
pub fn literal(f: &Felt) -> String {
    let neg = -*f;
    if neg.bits() < f.bits() {
        format!("-{neg:#x}")
    } else {
        format!("{f:#x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_is_the_largest_power_of_two_that_fits() {
        // one output, |w| = sqrt(5) (rounded up to 3), no bias, s = 16
        let w = vec![vec![1i64, -2]];
        let p = Packing::choose(&w, &[0], 16, 2).expect("fits");
        assert_eq!((p.lanes, p.k), (4, 61));
        let room = (1u128 << 60) - 1 - (1 << 15);
        assert!((1u128 << p.bound_bits) * 3 <= room);
        assert!(p.bound_bits == 64 || (1u128 << (p.bound_bits + 1)) * 3 > room);
    }

    #[test]
    fn heavy_weights_get_two_lanes_or_none() {
        // |w| = 2^40 at s = 16: four lanes leave 2^19 < 2^(16 + 12); two lanes of 80 bits leave 2^38
        let w = vec![vec![1i64 << 40]];
        let p = Packing::choose(&w, &[0], 16, 1).expect("two lanes");
        assert_eq!((p.lanes, p.k, p.bound_bits), (2, 80, 38));
        let w = vec![vec![1i64 << 60]];
        assert_eq!(Packing::choose(&w, &[0], 16, 1), None);
        // more inputs need more headroom: 2^28 * sqrt(2^22) = 2^39 > 2^38
        assert_eq!(Packing::choose(&[vec![1i64 << 40]], &[0], 16, 1 << 22), None);
    }

    /// The words an input at the norm bound produces — all its weight on the
    /// heaviest direction, either sign — decode to the exact rounded sums.
    #[test]
    fn lanes_decode_exactly_at_the_bound() {
        let w = vec![vec![30000i64, -65536, 12], vec![-1, 7, 65535], vec![0, 0, 0], vec![-40000, -40000, -40000]];
        let bias = vec![5i128 << 16, -(3i128 << 16), 0, 1 << 16];
        let s = 16;
        let p = Packing::choose(&w, &bias, s, 3).expect("fits");
        let r = 1i128 << p.bound_bits;
        let mut inputs = vec![[0i128; 3]];
        for wj in &w {
            // the largest integer vector of norm < R along w_j, and its negation
            let n2: i128 = wj.iter().map(|&v| v as i128 * v as i128).sum();
            if n2 == 0 {
                continue;
            }
            let scale = ((r - 1) as f64) / (n2 as f64).sqrt();
            let x: Vec<i128> = wj.iter().map(|&v| (v as f64 * scale * 0.999_999) as i128).collect();
            assert!(x.iter().map(|v| v * v).sum::<i128>() < r * r);
            inputs.push([x[0], x[1], x[2]]);
            inputs.push([-x[0], -x[1], -x[2]]);
        }
        for x in inputs {
            let mut word = p.word_constant(&bias, 0..4, s);
            for (t, &xt) in x.iter().enumerate() {
                word += signed(xt) * p.word(&w, 0..4, t).unwrap_or(Felt::ZERO);
            }
            assert!(word.bits() <= 251);
            let big = word.to_biguint();
            for (l, off) in p.offsets().into_iter().enumerate() {
                let mask = (num_bigint::BigUint::from(1u8) << p.k) - 1u8;
                let lane: u128 = ((&big >> off) & mask).try_into().expect("lane fits");
                let sum: i128 = (0..3).map(|t| x[t] * w[l][t] as i128).sum::<i128>() + bias[l];
                let expected = (sum + (1 << (s - 1))) >> s;
                let got = (lane >> s) as i128 - (1i128 << (p.k - 1 - s));
                assert_eq!(got, expected, "lane {l} for x = {x:?}");
            }
        }
    }
}
