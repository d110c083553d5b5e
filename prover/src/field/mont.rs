//! Montgomery arithmetic specialised to p = 2^251 + 17·2^192 + 1, on the same representation
//! as ark-ff's `MontBackend` (four little-endian limbs of a·2^256 mod p, always fully reduced),
//! so that [`super::Felt`] keeps ark-ff for everything but its hot operations.
//!
//! Why a specialisation pays (figures: `cargo run -p cairn-prover --release --example
//! field_ops`, and docs/prover.md):
//!
//! * p ≡ 1 (mod 2^64), so the Montgomery factor m = −t₀·p⁻¹ mod 2^64 is just −t₀, and
//!   t₀ + m·p₀ is 0 with a carry of (t₀ ≠ 0): no multiplication for the low limb.
//! * p's limbs 1 and 2 are zero: adding m·p touches only limb 0 (a carry) and limb 3 (one
//!   product m·p₃), so each of the four reduction rounds costs one multiplication instead of
//!   four.
//! * p < 2^252 leaves four spare bits: a + b and every intermediate sum fit in four limbs, and
//!   the final conditional subtractions are done without branches (a butterfly's add and
//!   subtract would otherwise mispredict about half the time).
//!
//! Every function takes and returns fully reduced limbs (< p); the property tests in
//! `field/tests.rs` compare each one with ark-ff and with big-integer arithmetic.

/// p as little-endian limbs.
pub(super) const P: [u64; 4] = [1, 0, 0, P3];
/// p's top limb, 2^59 + 17 (its only other non-zero limb is p₀ = 1).
const P3: u64 = 0x0800_0000_0000_0011;

/// `acc + a·b + carry` as (low, high) limbs; cannot overflow 128 bits.
#[inline(always)]
fn mac(acc: u64, a: u64, b: u64, carry: u64) -> (u64, u64) {
    let t = acc as u128 + (a as u128) * (b as u128) + carry as u128;
    (t as u64, (t >> 64) as u64)
}

/// `a + b + carry` as (sum, carry out).
#[inline(always)]
fn adc(a: u64, b: u64, carry: u64) -> (u64, u64) {
    let t = a as u128 + b as u128 + carry as u128;
    (t as u64, (t >> 64) as u64)
}

/// `a − b − borrow` as (difference, borrow out ∈ {0, 1}).
#[inline(always)]
fn sbb(a: u64, b: u64, borrow: u64) -> (u64, u64) {
    let t = (a as u128).wrapping_sub(b as u128 + borrow as u128);
    (t as u64, (t >> 127) as u64)
}

/// `t − p` if `t ≥ p`, else `t`, without a branch (a butterfly's sums need it about half
/// the time: a branch would mispredict). Requires t < 2p.
#[inline(always)]
fn reduce_once(t: [u64; 4]) -> [u64; 4] {
    let (d0, b) = sbb(t[0], P[0], 0);
    let (d1, b) = sbb(t[1], P[1], b);
    let (d2, b) = sbb(t[2], P[2], b);
    let (d3, b) = sbb(t[3], P[3], b);
    // b = 1 exactly when t < p: keep t.
    let keep = b.wrapping_neg();
    [
        (t[0] & keep) | (d0 & !keep),
        (t[1] & keep) | (d1 & !keep),
        (t[2] & keep) | (d2 & !keep),
        (t[3] & keep) | (d3 & !keep),
    ]
}

/// `t − p` if `t ≥ p`, else `t`, with a branch: a Montgomery product is below
/// p + p²/2^256 < p + p/16, so the subtraction is rare and the branch predicts well (measured
/// faster than [`reduce_once`] there). Requires t < 2p.
#[inline(always)]
fn reduce_rarely(t: [u64; 4]) -> [u64; 4] {
    // The top limb decides unless it equals p₃ (then p₁ = p₂ = 0 and p₀ = 1 decide).
    let at_least_p = if t[3] != P3 { t[3] > P3 } else { (t[2] | t[1]) != 0 || t[0] != 0 };
    if at_least_p {
        let (d0, b) = sbb(t[0], P[0], 0);
        let (d1, b) = sbb(t[1], 0, b);
        let (d2, b) = sbb(t[2], 0, b);
        let (d3, _) = sbb(t[3], P3, b);
        [d0, d1, d2, d3]
    } else {
        t
    }
}

/// a·b·2^−256 mod p (the Montgomery product): CIOS with the reduction specialised to p, the
/// product's and the reduction's carry chains interleaved limb by limb.
///
/// Bounds: with T < 2p at the start of a round, T + a·bᵢ + m·p < 2^64·2p, so after the shift
/// T < 2p again and the top working limb stays below 2^62: no fifth limb, and one conditional
/// subtraction at the end.
#[inline(always)]
pub(super) fn mul(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
    let mut t = [0u64; 4];
    for &bi in b {
        // Limb 0 of T + a·bᵢ fixes m = −t₀ (p ≡ 1 mod 2^64); adding m·p makes it 0 with a
        // carry of (t₀ ≠ 0). The other limbs gain a·bᵢ, limb 3 also m·p₃; T shifts down.
        let (t0, c_ab) = mac(t[0], a[0], bi, 0);
        let m = t0.wrapping_neg();
        let c_mp = (t0 != 0) as u64;
        let (t1, c_ab) = mac(t[1], a[1], bi, c_ab);
        let (n0, c_mp) = adc(t1, 0, c_mp);
        let (t2, c_ab) = mac(t[2], a[2], bi, c_ab);
        let (n1, c_mp) = adc(t2, 0, c_mp);
        let (t3, c_ab) = mac(t[3], a[3], bi, c_ab);
        let (n2, c_mp) = mac(t3, m, P3, c_mp);
        t = [n0, n1, n2, c_ab + c_mp];
    }
    reduce_rarely(t)
}

/// a + b mod p.
#[inline(always)]
pub(super) fn add(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
    // a + b < 2p < 2^253: no carry out of the top limb.
    let (s0, c) = adc(a[0], b[0], 0);
    let (s1, c) = adc(a[1], b[1], c);
    let (s2, c) = adc(a[2], b[2], c);
    let (s3, _) = adc(a[3], b[3], c);
    reduce_once([s0, s1, s2, s3])
}

/// a − b mod p.
#[inline(always)]
pub(super) fn sub(a: &[u64; 4], b: &[u64; 4]) -> [u64; 4] {
    let (d0, br) = sbb(a[0], b[0], 0);
    let (d1, br) = sbb(a[1], b[1], br);
    let (d2, br) = sbb(a[2], b[2], br);
    let (d3, br) = sbb(a[3], b[3], br);
    // On a borrow, add p back (p₁ = p₂ = 0).
    let mask = br.wrapping_neg();
    let (r0, c) = adc(d0, P[0] & mask, 0);
    let (r1, c) = adc(d1, 0, c);
    let (r2, c) = adc(d2, 0, c);
    let (r3, _) = adc(d3, P3 & mask, c);
    [r0, r1, r2, r3]
}

/// −a mod p.
#[inline(always)]
pub(super) fn neg(a: &[u64; 4]) -> [u64; 4] {
    sub(&[0; 4], a)
}
