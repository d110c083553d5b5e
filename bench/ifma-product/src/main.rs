//! Feasibility measurement for issue 14's remaining lever: Montgomery products over
//! p = 2^251 + 17·2^192 + 1 with AVX-512 IFMA (`vpmadd52luq`/`vpmadd52huq`), eight
//! independent products per instruction sequence, against cairn's scalar product
//! (`field/mont.rs`), in one run. Not used by the prover (yet): this checks the vector
//! product against big-integer arithmetic and prints nanoseconds per product (CPU time of
//! this thread); measurements, not assertions.
//!
//!     cargo run --release --manifest-path bench/ifma-product/Cargo.toml
//!
//! Representation: five little-endian limbs of 52 bits, one per 512-bit register (eight
//! lanes), Montgomery radix R' = 2^260. p ≡ 1 (mod 2^52), so each reduction round's factor
//! is m = −t₀ mod 2^52, and p's limbs in radix 2^52 are 1, 0, 0, 17·2^36, 2^43: a round
//! adds m, m·17·2^36 and m·2^43, four IFMA instructions. With a, b < p every product is
//! below 2p and each limb stays below 2^64 before the final carry pass.

#![allow(clippy::needless_range_loop)]

#[cfg(target_arch = "x86_64")]
mod ifma {
    use std::arch::x86_64::*;

    pub const MASK: u64 = (1 << 52) - 1;
    const P3: i64 = 17 << 36;
    const P4: i64 = 1 << 43;

    /// Eight elements, limb j of each in register j.
    #[derive(Clone, Copy)]
    pub struct Lanes(pub [__m512i; 5]);

    /// a·b·2^−260 mod p, lane by lane (results below 2p, limbs normalised to 52 bits).
    ///
    /// # Safety
    /// The CPU must have AVX-512F and AVX-512 IFMA; every limb of a and b below 2^52.
    #[target_feature(enable = "avx512f,avx512ifma")]
    pub unsafe fn mul(a: &Lanes, b: &Lanes) -> Lanes {
        let zero = _mm512_setzero_si512();
        let mask = _mm512_set1_epi64(MASK as i64);
        let (p3, p4) = (_mm512_set1_epi64(P3), _mm512_set1_epi64(P4));
        let mut t = [zero; 6];
        for &bi in &b.0 {
            for j in 0..5 {
                t[j] = _mm512_madd52lo_epu64(t[j], a.0[j], bi);
                t[j + 1] = _mm512_madd52hi_epu64(t[j + 1], a.0[j], bi);
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
            r[j] = _mm512_and_si512(v, mask);
            carry = _mm512_srli_epi64(v, 52);
        }
        Lanes(r)
    }

    /// Eight values, given as five limbs each, into registers.
    pub fn load(limbs: &[[u64; 5]; 8]) -> Lanes {
        // SAFETY: unaligned loads of eight u64 from a local array (AVX-512F, checked by the caller).
        unsafe {
            let mut out = [_mm512_setzero_si512(); 5];
            for (j, reg) in out.iter_mut().enumerate() {
                let lane: [u64; 8] = std::array::from_fn(|k| limbs[k][j]);
                *reg = _mm512_loadu_si512(lane.as_ptr() as *const _);
            }
            Lanes(out)
        }
    }

    /// The registers' eight values as five limbs each.
    pub fn store(v: &Lanes) -> [[u64; 5]; 8] {
        let mut limbs = [[0u64; 5]; 8];
        for j in 0..5 {
            let mut lane = [0u64; 8];
            // SAFETY: an unaligned store of eight u64 into a local array.
            unsafe { _mm512_storeu_si512(lane.as_mut_ptr() as *mut _, v.0[j]) };
            for k in 0..8 {
                limbs[k][j] = lane[k];
            }
        }
        limbs
    }
}

#[cfg(target_arch = "x86_64")]
fn main() {
    use std::hint::black_box;

    use cairn_prover::field::Felt;
    use num_bigint::BigUint;
    use winter_math::FieldElement;

    if !(is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512ifma")) {
        println!("this CPU has no AVX-512 IFMA: nothing to measure");
        return;
    }
    let p: BigUint = (BigUint::from(1u32) << 251u32) + (BigUint::from(17u32) << 192u32) + 1u32;
    let r_inv = (BigUint::from(1u32) << 260u32).modinv(&p).expect("2^260 is invertible mod p");
    let to_limbs = |x: &BigUint| -> [u64; 5] {
        std::array::from_fn(|j| ((x >> (52 * j)) & BigUint::from(ifma::MASK)).iter_u64_digits().next().unwrap_or(0))
    };
    let from_limbs = |l: &[u64; 5]| l.iter().rev().fold(BigUint::from(0u32), |acc, &x| (acc << 52u32) + x);

    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut element = || (0..4).fold(BigUint::from(0u32), |acc, _| (acc << 64u32) + next()) % &p;

    // Correctness: every lane against big-integer arithmetic.
    const CHECKS: usize = 2_000;
    for _ in 0..CHECKS {
        let xs: [BigUint; 8] = std::array::from_fn(|_| element());
        let ys: [BigUint; 8] = std::array::from_fn(|_| element());
        let load = |v: &[BigUint; 8]| ifma::load(&std::array::from_fn(|k| to_limbs(&v[k])));
        // SAFETY: the features were detected above; limbs come from to_limbs (52 bits).
        let product = ifma::store(&unsafe { ifma::mul(&load(&xs), &load(&ys)) });
        for k in 0..8 {
            let got = from_limbs(&product[k]);
            assert!(got < (&p << 1u32), "a product at or above 2p");
            assert_eq!(got % &p, (&xs[k] * &ys[k] * &r_inv) % &p, "lane {k}");
        }
    }
    println!("{} products checked against big-integer arithmetic", CHECKS * 8);

    // Throughput, side by side: the same number of independent products each way.
    const VECTORS: usize = 1 << 12;
    let thread_cpu = || {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
        let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
        let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
        (ticks(11) + ticks(12)) / 100.0
    };
    let mut vectors: Vec<ifma::Lanes> =
        (0..VECTORS).map(|_| ifma::load(&std::array::from_fn(|_| to_limbs(&element())))).collect();
    let w = ifma::load(&std::array::from_fn(|_| to_limbs(&element())));
    let mut scalars: Vec<Felt> = (0..VECTORS * 8).map(|i| Felt::from(i as u64 + 3)).collect();
    let ws = Felt::from(0x1234_5678u64).inv();
    let rounds = 400;
    let (mut ifma_s, mut scalar_s) = (0.0, 0.0);
    for _ in 0..3 {
        let t = thread_cpu();
        for _ in 0..rounds {
            for v in vectors.iter_mut() {
                // SAFETY: features detected; products are normalised to 52-bit limbs.
                *v = unsafe { ifma::mul(v, &w) };
            }
            black_box(&vectors);
        }
        ifma_s += thread_cpu() - t;
        let t = thread_cpu();
        for _ in 0..rounds {
            for s in scalars.iter_mut() {
                *s = black_box(*s) * ws;
            }
            black_box(&scalars);
        }
        scalar_s += thread_cpu() - t;
    }
    let products = (3 * rounds * VECTORS * 8) as f64;
    println!("| Montgomery product | ns per product |");
    println!("|---|---:|");
    println!("| cairn's scalar (4 × 64-bit limbs) | {:.2} |", scalar_s * 1e9 / products);
    println!("| AVX-512 IFMA, 8 lanes (5 × 52-bit limbs) | {:.2} |", ifma_s * 1e9 / products);
}

#[cfg(not(target_arch = "x86_64"))]
fn main() {
    println!("AVX-512 IFMA is an x86-64 extension: nothing to measure here");
}
