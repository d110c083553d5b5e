//! The trace's FFTs with AVX-512 IFMA: eight butterflies at once (docs/prover.md, "The
//! FFT"). Used by the low-degree extension when the CPU has the instructions
//! ([`available`]); the results are the field's exact values, equal to Winterfell's FFT
//! (the tests compare them), so proofs are byte-identical either way.
//!
//! Representation inside a transform: five little-endian limbs of 52 bits, structure of
//! arrays (limb j of elements i..i+8 in one 512-bit register). Values keep [`Felt`]'s
//! Montgomery form x·2^256 mod p; twiddles are stored as w·2^260 mod p, so the product of
//! the vector Montgomery multiplication (radix 2^260) is x·w·2^256: the same form again.
//! p ≡ 1 (mod 2^52), so a reduction round's factor is m = −t₀ mod 2^52, and p's limbs in
//! radix 2^52 are 1, 0, 0, 17·2^36, 2^43 (four IFMA instructions per round). Every value
//! is kept fully reduced below p with normalised limbs between butterflies.
//!
//! The transform is a decimation-in-frequency FFT (natural order in, bit-reversed out, then
//! Winterfell's permutation): stages whose half-block is at least 8 run on vectors; the
//! last three (half-blocks 4, 2, 1) run on [`Felt`]s.

use std::arch::x86_64::*;
use std::sync::OnceLock;

use winter_math::fft::fft_inputs::FftInputs;
use winter_math::{FieldElement, StarkField};

use super::Felt;

const MASK: u64 = (1 << 52) - 1;
/// p's limbs in radix 2^52.
const P_LIMBS: [u64; 5] = [1, 0, 0, 17 << 36, 1 << 43];
/// Elements per vector.
const LANES: usize = 8;
/// The smallest transform the vector path takes (smaller ones gain nothing).
pub const MIN_SIZE: usize = 64;

/// Whether the CPU has AVX-512F and IFMA, and `CAIRN_NO_IFMA` is unset (it forces the
/// portable path, for measuring both on one machine).
pub fn available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        std::env::var_os("CAIRN_NO_IFMA").is_none()
            && is_x86_feature_detected!("avx512f")
            && is_x86_feature_detected!("avx512ifma")
    })
}

/// Felt's Montgomery limbs (4 × 64 bits) as 5 × 52 bits.
fn split52(a: &[u64; 4]) -> [u64; 5] {
    [
        a[0] & MASK,
        ((a[0] >> 52) | (a[1] << 12)) & MASK,
        ((a[1] >> 40) | (a[2] << 24)) & MASK,
        ((a[2] >> 28) | (a[3] << 36)) & MASK,
        a[3] >> 16,
    ]
}

/// The inverse of [`split52`] (limbs below 2^52, value below 2^256).
fn join52(l: &[u64; 5]) -> [u64; 4] {
    [l[0] | (l[1] << 52), (l[1] >> 12) | (l[2] << 40), (l[2] >> 24) | (l[3] << 28), (l[3] >> 36) | (l[4] << 16)]
}

/// The twiddle factors of one size and direction.
pub struct Twiddles {
    n: usize,
    /// Stages with half-block h ≥ 8, largest first: ω_{2h}^j for j < h, as w·2^260 in
    /// 52-bit limbs, structure of arrays.
    vector: Vec<[Vec<u64>; 5]>,
    /// The last stages' twiddles, lane by lane as [`tail`] pairs them: h = 4:
    /// (1, ω₈, ω₈², ω₈³) twice; h = 2: (1, ω₄) four times (h = 1 multiplies by 1).
    w4: [[u64; LANES]; 5],
    w2: [[u64; LANES]; 5],
}

impl Twiddles {
    /// Twiddles for transforms of size `n` with the root of unity of order n (`inverse`:
    /// its inverse).
    ///
    /// # Panics
    /// If `n` is not a power of two of at least [`MIN_SIZE`].
    pub fn new(n: usize, inverse: bool) -> Self {
        assert!(n.is_power_of_two() && n >= MIN_SIZE);
        let mut omega = Felt::get_root_of_unity(n.ilog2());
        if inverse {
            omega = omega.inv();
        }
        let mut powers = Vec::with_capacity(n / 2);
        let mut w = Felt::ONE;
        for _ in 0..n / 2 {
            powers.push(w);
            w *= omega;
        }
        // w·2^260 = (w·2^256)·16: Felt's product of w and 16 holds exactly that.
        let sixteen = Felt::from(16u64);
        let limbs = |w: Felt| split52((w * sixteen).mont_limbs());
        let mut vector = Vec::new();
        let mut h = n / 2;
        while h >= LANES {
            let step = n / (2 * h);
            let mut stage: [Vec<u64>; 5] = Default::default();
            for j in 0..h {
                for (column, v) in stage.iter_mut().zip(limbs(powers[j * step])) {
                    column.push(v);
                }
            }
            vector.push(stage);
            h /= 2;
        }
        // ω₈ = ω^(n/8), ω₄ = ω^(n/4)
        let lanes = |pattern: [usize; LANES]| -> [[u64; LANES]; 5] {
            let mut out = [[0u64; LANES]; 5];
            for (k, &e) in pattern.iter().enumerate() {
                for (j, v) in limbs(powers[e]).into_iter().enumerate() {
                    out[j][k] = v;
                }
            }
            out
        };
        let (e8, e4) = (n / 8, n / 4);
        let w4 = lanes([0, e8, 2 * e8, 3 * e8, 0, e8, 2 * e8, 3 * e8]);
        let w2 = lanes([0, e4, 0, e4, 0, e4, 0, e4]);
        Twiddles { n, vector, w4, w2 }
    }
}

/// `values` (natural order) replaced by their transform in natural order:
/// values[k] ← Σᵢ values[i]·ωⁱᵏ, with ω the root of `twiddles`. What Winterfell's
/// `fft_in_place` followed by `permute` computes.
///
/// # Panics
/// If `twiddles` are for another size, or the CPU lacks AVX-512 IFMA ([`available`]).
pub fn fft(values: &mut [Felt], twiddles: &Twiddles) {
    fft_bit_reversed(values, twiddles);
    values.permute();
}

/// As [`fft`], leaving the transform in bit-reversed order: values[bitrev(k)] holds the
/// k-th value (for callers that scatter the values anyway).
///
/// # Panics
/// As [`fft`].
pub fn fft_bit_reversed(values: &mut [Felt], twiddles: &Twiddles) {
    let n = values.len();
    assert_eq!(n, twiddles.n, "twiddles for another size");
    assert!(available(), "the IFMA FFT needs AVX-512 IFMA");
    let mut soa: [Vec<u64>; 5] = std::array::from_fn(|_| vec![0u64; n]);
    for (i, v) in values.iter().enumerate() {
        let l = split52(v.mont_limbs());
        for j in 0..5 {
            soa[j][i] = l[j];
        }
    }
    let mut h = n / 2;
    for stage in &twiddles.vector {
        // SAFETY: `available()` checked the CPU; every index is in bounds (h ≥ 8 divides n).
        unsafe { dif_stage(&mut soa, h, stage) };
        h /= 2;
    }
    // SAFETY: as above; n is a multiple of 16.
    unsafe { tail(&mut soa, twiddles) };
    for (i, v) in values.iter_mut().enumerate() {
        *v = Felt::from_mont_limbs(join52(&[soa[0][i], soa[1][i], soa[2][i], soa[3][i], soa[4][i]]));
    }
}

/// The stages with half-blocks 4, 2 and 1, sixteen elements (two vectors) at a time: each
/// stage gathers its x and y operands into two vectors, does eight butterflies and puts the
/// results back in place.
#[target_feature(enable = "avx512f,avx512ifma")]
unsafe fn tail(soa: &mut [Vec<u64>; 5], twiddles: &Twiddles) {
    // Lane indices into the pair (a, b) of vectors: 0–7 are a's lanes, 8–15 b's.
    let idx = |v: [i64; 8]| _mm512_set_epi64(v[7], v[6], v[5], v[4], v[3], v[2], v[1], v[0]);
    // (x, y) operands of each stage, and the inverse shuffle from (x, y) back to (a, b)
    let stages = [
        (idx([0, 1, 2, 3, 8, 9, 10, 11]), idx([4, 5, 6, 7, 12, 13, 14, 15])),
        (idx([0, 1, 4, 5, 8, 9, 12, 13]), idx([2, 3, 6, 7, 10, 11, 14, 15])),
        (idx([0, 2, 4, 6, 8, 10, 12, 14]), idx([1, 3, 5, 7, 9, 11, 13, 15])),
    ];
    let back = [
        (idx([0, 1, 2, 3, 8, 9, 10, 11]), idx([4, 5, 6, 7, 12, 13, 14, 15])),
        (idx([0, 1, 8, 9, 2, 3, 10, 11]), idx([4, 5, 12, 13, 6, 7, 14, 15])),
        (idx([0, 8, 1, 9, 2, 10, 3, 11]), idx([4, 12, 5, 13, 6, 14, 7, 15])),
    ];
    let mut w4 = [_mm512_setzero_si512(); 5];
    let mut w2 = [_mm512_setzero_si512(); 5];
    for j in 0..5 {
        w4[j] = _mm512_loadu_si512(twiddles.w4[j].as_ptr() as *const _);
        w2[j] = _mm512_loadu_si512(twiddles.w2[j].as_ptr() as *const _);
    }
    let n = soa[0].len();
    let mut i = 0;
    while i < n {
        let mut a = load(soa, i);
        let mut b = load(soa, i + LANES);
        for (stage, (&(ix, iy), &(ia, ib))) in stages.iter().zip(&back).enumerate() {
            let mut x = [_mm512_setzero_si512(); 5];
            let mut y = [_mm512_setzero_si512(); 5];
            for j in 0..5 {
                x[j] = _mm512_permutex2var_epi64(a[j], ix, b[j]);
                y[j] = _mm512_permutex2var_epi64(a[j], iy, b[j]);
            }
            let sum = add(&x, &y);
            let difference = sub(&x, &y);
            // h = 1 multiplies by ω₂⁰ = 1
            let product = match stage {
                0 => mul(&difference, &w4),
                1 => mul(&difference, &w2),
                _ => difference,
            };
            for j in 0..5 {
                a[j] = _mm512_permutex2var_epi64(sum[j], ia, product[j]);
                b[j] = _mm512_permutex2var_epi64(sum[j], ib, product[j]);
            }
        }
        store(soa, i, &a);
        store(soa, i + LANES, &b);
        i += 2 * LANES;
    }
}

/// One decimation-in-frequency stage with half-block `h` (a multiple of 8): for every block
/// of 2h elements and j < h, (x, y) ← (x + y, (x − y)·w_j).
#[target_feature(enable = "avx512f,avx512ifma")]
unsafe fn dif_stage(soa: &mut [Vec<u64>; 5], h: usize, twiddles: &[Vec<u64>; 5]) {
    let n = soa[0].len();
    let mut block = 0;
    while block < n {
        let mut j = 0;
        while j < h {
            let (ix, iy) = (block + j, block + j + h);
            let x = load(soa, ix);
            let y = load(soa, iy);
            let w = load(twiddles, j);
            let sum = add(&x, &y);
            let product = mul(&sub(&x, &y), &w);
            store(soa, ix, &sum);
            store(soa, iy, &product);
            j += LANES;
        }
        block += 2 * h;
    }
}

/// Elements i..i+8 of a structure of arrays (loops, not closures: a closure would not
/// inherit the target features, and its intrinsics would not be inlined).
#[inline]
#[target_feature(enable = "avx512f")]
unsafe fn load(soa: &[Vec<u64>; 5], i: usize) -> [__m512i; 5] {
    let mut v = [_mm512_setzero_si512(); 5];
    for j in 0..5 {
        let limb = &soa[j][i..i + LANES];
        // SAFETY: `limb` holds eight u64 (the slice index checked it).
        v[j] = unsafe { _mm512_loadu_si512(limb.as_ptr() as *const _) };
    }
    v
}

#[inline]
#[target_feature(enable = "avx512f")]
unsafe fn store(soa: &mut [Vec<u64>; 5], i: usize, v: &[__m512i; 5]) {
    for j in 0..5 {
        let limb = &mut soa[j][i..i + LANES];
        // SAFETY: `limb` holds eight u64 (the slice index checked it).
        unsafe { _mm512_storeu_si512(limb.as_mut_ptr() as *mut _, v[j]) };
    }
}

/// `a` where `pick_b` is clear, `b` where it is set, limb by limb.
#[inline]
#[target_feature(enable = "avx512f")]
unsafe fn blend(pick_b: __mmask8, a: &[__m512i; 5], b: &[__m512i; 5]) -> [__m512i; 5] {
    let mut r = *a;
    for j in 0..5 {
        r[j] = _mm512_mask_blend_epi64(pick_b, a[j], b[j]);
    }
    r
}

/// t − p if t ≥ p, else t; t has normalised limbs and is below 2p.
#[inline]
#[target_feature(enable = "avx512f")]
unsafe fn reduce_once(t: &[__m512i; 5]) -> [__m512i; 5] {
    let mask = _mm512_set1_epi64(MASK as i64);
    let mut d = [_mm512_setzero_si512(); 5];
    let mut borrow = _mm512_setzero_si512(); // 0 or −1
    for j in 0..5 {
        let v = _mm512_add_epi64(_mm512_sub_epi64(t[j], _mm512_set1_epi64(P_LIMBS[j] as i64)), borrow);
        borrow = _mm512_srai_epi64(v, 52);
        d[j] = _mm512_and_si512(v, mask);
    }
    // no borrow out: t ≥ p, take t − p
    let ge = _mm512_cmpeq_epi64_mask(borrow, _mm512_setzero_si512());
    blend(ge, t, &d)
}

/// x + y mod p (x, y < p).
#[inline]
#[target_feature(enable = "avx512f")]
unsafe fn add(x: &[__m512i; 5], y: &[__m512i; 5]) -> [__m512i; 5] {
    let mask = _mm512_set1_epi64(MASK as i64);
    let mut s = [_mm512_setzero_si512(); 5];
    let mut carry = _mm512_setzero_si512();
    for j in 0..5 {
        let v = _mm512_add_epi64(_mm512_add_epi64(x[j], y[j]), carry);
        carry = _mm512_srli_epi64(v, 52);
        s[j] = if j < 4 { _mm512_and_si512(v, mask) } else { v };
    }
    reduce_once(&s)
}

/// x − y mod p (x, y < p).
#[inline]
#[target_feature(enable = "avx512f")]
unsafe fn sub(x: &[__m512i; 5], y: &[__m512i; 5]) -> [__m512i; 5] {
    let mask = _mm512_set1_epi64(MASK as i64);
    let mut d = [_mm512_setzero_si512(); 5];
    let mut borrow = _mm512_setzero_si512();
    for j in 0..5 {
        let v = _mm512_add_epi64(_mm512_sub_epi64(x[j], y[j]), borrow);
        borrow = _mm512_srai_epi64(v, 52);
        d[j] = _mm512_and_si512(v, mask);
    }
    // a borrow out: x < y, so d is x − y + 2^260; add p and drop the carry out of 2^260
    let negative = _mm512_cmpneq_epi64_mask(borrow, _mm512_setzero_si512());
    let mut e = [_mm512_setzero_si512(); 5];
    let mut carry = _mm512_setzero_si512();
    for j in 0..5 {
        let v = _mm512_add_epi64(_mm512_add_epi64(d[j], _mm512_set1_epi64(P_LIMBS[j] as i64)), carry);
        carry = _mm512_srli_epi64(v, 52);
        e[j] = _mm512_and_si512(v, mask);
    }
    blend(negative, &d, &e)
}

/// a·b·2^−260 mod p (a, b < p with normalised limbs; the result too).
#[inline]
#[target_feature(enable = "avx512f,avx512ifma")]
unsafe fn mul(a: &[__m512i; 5], b: &[__m512i; 5]) -> [__m512i; 5] {
    let zero = _mm512_setzero_si512();
    let mask = _mm512_set1_epi64(MASK as i64);
    let (p3, p4) = (_mm512_set1_epi64(P_LIMBS[3] as i64), _mm512_set1_epi64(P_LIMBS[4] as i64));
    let mut t = [zero; 6];
    for &bi in b {
        for j in 0..5 {
            t[j] = _mm512_madd52lo_epu64(t[j], a[j], bi);
            t[j + 1] = _mm512_madd52hi_epu64(t[j + 1], a[j], bi);
        }
        let m = _mm512_and_si512(_mm512_sub_epi64(zero, t[0]), mask);
        let t0 = _mm512_add_epi64(t[0], m); // ≡ 0 mod 2^52
        t[3] = _mm512_madd52lo_epu64(t[3], m, p3);
        t[4] = _mm512_madd52hi_epu64(t[4], m, p3);
        t[4] = _mm512_madd52lo_epu64(t[4], m, p4);
        t[5] = _mm512_madd52hi_epu64(t[5], m, p4);
        t = [_mm512_add_epi64(t[1], _mm512_srli_epi64(t0, 52)), t[2], t[3], t[4], t[5], zero];
    }
    let mut r = [zero; 5];
    let mut carry = zero;
    for j in 0..5 {
        let v = _mm512_add_epi64(t[j], carry);
        carry = _mm512_srli_epi64(v, 52);
        r[j] = if j < 4 { _mm512_and_si512(v, mask) } else { v };
    }
    // below 2p (a, b < p): one conditional subtraction
    reduce_once(&r)
}

#[cfg(test)]
mod tests {
    use winter_math::fft;

    use super::*;

    fn elements(n: usize, seed: u64) -> Vec<Felt> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                let mut bytes = [0u8; 32];
                for chunk in bytes.chunks_exact_mut(8) {
                    s ^= s << 13;
                    s ^= s >> 7;
                    s ^= s << 17;
                    chunk.copy_from_slice(&s.to_le_bytes());
                }
                Felt::from_le_bytes_reduced(&bytes)
            })
            .collect()
    }

    #[test]
    fn limbs_round_trip() {
        for v in elements(1000, 7).iter().chain([Felt::ZERO, Felt::ONE, -Felt::ONE].iter()) {
            assert_eq!(join52(&split52(v.mont_limbs())), *v.mont_limbs());
        }
    }

    /// Forward and inverse transforms equal Winterfell's evaluation and interpolation,
    /// including the edge values 0 and p − 1.
    #[test]
    fn equals_winterfell() {
        if !available() {
            eprintln!("no AVX-512 IFMA here: nothing to compare");
            return;
        }
        for log_n in [6, 7, 10, 13] {
            let n = 1usize << log_n;
            let mut coefficients = elements(n, log_n as u64 + 1);
            coefficients[0] = -Felt::ONE;
            coefficients[1] = Felt::ZERO;
            coefficients[n - 1] = -Felt::ONE;
            let mut ours = coefficients.clone();
            fft(&mut ours, &Twiddles::new(n, false));
            let mut theirs = coefficients.clone();
            fft::evaluate_poly(&mut theirs, &fft::get_twiddles::<Felt>(n));
            assert_eq!(ours, theirs, "forward, n = {n}");

            let inverse = Twiddles::new(n, true);
            let n_inv = Felt::from(n as u64).inv();
            fft(&mut ours, &inverse);
            ours.iter_mut().for_each(|v| *v *= n_inv);
            assert_eq!(ours, coefficients, "inverse, n = {n}");
        }
    }
}
