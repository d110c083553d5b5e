//! Unit tests of the Stark-252 field, checked against `num-bigint` and Winterfell.

use num_bigint::BigUint;
use winter_math::{
    fft,
    fields::{CubeExtension, QuadExtension},
    polynom, ExtensibleField, FieldElement, StarkField,
};
use winter_utils::{ByteReader, ByteWriter, Deserializable, Randomizable, Serializable, SliceReader};

use super::{Felt, Stark252Config, U256};

// HELPERS
// ================================================================================================

/// SplitMix64: a tiny deterministic PRNG so the tests need no extra dependency.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn bytes32(&mut self) -> [u8; 32] {
        let mut out = [0u8; 32];
        for chunk in out.chunks_exact_mut(8) {
            chunk.copy_from_slice(&self.next_u64().to_le_bytes());
        }
        out
    }

    fn u256(&mut self) -> U256 {
        U256([self.next_u64(), self.next_u64(), self.next_u64(), self.next_u64()])
    }

    fn felt(&mut self) -> Felt {
        Felt::from_le_bytes_reduced(&self.bytes32())
    }
}

fn p() -> BigUint {
    (BigUint::from(1u8) << 251) + (BigUint::from(17u8) << 192) + 1u8
}

fn big(x: Felt) -> BigUint {
    BigUint::from_bytes_le(&x.to_le_bytes())
}

fn big_u256(x: U256) -> BigUint {
    BigUint::from_bytes_le(&x.to_le_bytes())
}

fn felt(x: &BigUint) -> Felt {
    let x = x % p();
    let mut bytes = [0u8; 32];
    let le = x.to_bytes_le();
    bytes[..le.len()].copy_from_slice(&le);
    Felt::from_le_bytes_canonical(&bytes).expect("reduced value is canonical")
}

fn le32(x: &BigUint) -> [u8; 32] {
    let mut bytes = [0u8; 32];
    let le = x.to_bytes_le();
    bytes[..le.len()].copy_from_slice(&le);
    bytes
}

/// Random elements plus edge cases.
fn samples(rng: &mut Rng, n: usize) -> Vec<Felt> {
    let mut out = vec![
        Felt::ZERO,
        Felt::ONE,
        Felt::TWO,
        Felt::MINUS_ONE,
        -Felt::TWO,
        Felt::from_u128(u128::MAX),
        felt(&(BigUint::from(1u8) << 251)),
    ];
    out.extend((0..n).map(|_| rng.felt()));
    out
}

/// Is `x` of multiplicative order exactly 2^n?
fn has_order_2_pow(x: Felt, n: u32) -> bool {
    let half = x.exp(U256::ONE << (n - 1));
    half == Felt::MINUS_ONE && half.square() == Felt::ONE
}

// CONSTANTS
// ================================================================================================

#[test]
fn modulus_constants() {
    let p = p();
    assert_eq!(big_u256(Felt::MODULUS), p);
    assert_eq!(big_u256(<Felt as StarkField>::MODULUS), p);
    assert_eq!(Felt::get_modulus_le_bytes(), le32(&p).to_vec());
    assert_eq!(u64::from(Felt::MODULUS_BITS), p.bits());
    assert_eq!(Felt::MODULUS.bits(), 252);
    assert_eq!(Felt::ELEMENT_BYTES, 32);
    assert_eq!(<Felt as Randomizable>::VALUE_SIZE, 32);
    assert_eq!(Felt::EXTENSION_DEGREE, 1);
    const { assert!(!Felt::IS_CANONICAL) };
    // p − 1 = 2^192 · k with k odd.
    let k = (&p - 1u8) >> 192;
    assert_eq!(k, (BigUint::from(1u8) << 59) + 17u8);
    assert_eq!(&k % 2u8, BigUint::from(1u8));
    assert_eq!(Felt::TWO_ADICITY, 192);

    assert_eq!(big(Felt::ZERO), BigUint::from(0u8));
    assert_eq!(big(Felt::ONE), BigUint::from(1u8));
    assert_eq!(big(Felt::TWO), BigUint::from(2u8));
    assert_eq!(big(Felt::MINUS_ONE), &p - 1u8);
    assert_eq!(<Felt as FieldElement>::ZERO, Felt::default());
    assert_eq!(<Felt as FieldElement>::ONE, Felt::from(1u8));
    assert_eq!(Felt::MINUS_ONE, -Felt::ONE);
}

#[test]
fn generator_is_a_primitive_root() {
    let g = Felt::GENERATOR;
    assert_eq!(g, Felt::from(3u32));
    assert_eq!(g.0, <Stark252Config as ark_ff::MontConfig<4>>::GENERATOR);
    let p_minus_1 = p() - 1u8;
    let exp = |e: &BigUint| g.exp(U256::from_le_bytes(&le32(e)));
    // 3 is a quadratic non-residue: 3^((p−1)/2) = −1.
    assert_eq!(exp(&(&p_minus_1 / 2u8)), Felt::MINUS_ONE);
    // p − 1 = 2^192 · 5 · 7 · 98714381 · 166848103: g^((p−1)/q) ≠ 1 for every prime q | p − 1.
    let factors = [2u64, 5, 7, 98_714_381, 166_848_103];
    let product: BigUint = factors[1..].iter().map(|&q| BigUint::from(q)).product();
    assert_eq!(product << 192, p_minus_1);
    for q in factors {
        assert_ne!(exp(&(&p_minus_1 / q)), Felt::ONE, "q = {q}");
    }
    assert_eq!(exp(&p_minus_1), Felt::ONE);
}

#[test]
fn two_adic_root_of_unity() {
    let w = Felt::TWO_ADIC_ROOT_OF_UNITY;
    let k = U256::from((1u64 << 59) + 17);
    assert_eq!(w, Felt::GENERATOR.exp(k));
    assert_eq!(w.0, <Stark252Config as ark_ff::MontConfig<4>>::TWO_ADIC_ROOT_OF_UNITY);
    assert_eq!(w.exp(U256::ONE << 192), Felt::ONE);
    assert_eq!(w.exp(U256::ONE << 191), Felt::MINUS_ONE);
    assert!(has_order_2_pow(w, 192));

    for n in [1, 2, 3, 4, 5, 8, 16, 20, 32, 63, 64, 65, 100, 128, 191, 192] {
        let r = Felt::get_root_of_unity(n);
        assert!(has_order_2_pow(r, n), "root of unity for n = {n}");
        assert_eq!(r.exp(U256::ONE << n), Felt::ONE);
    }
    assert_eq!(Felt::get_root_of_unity(1), Felt::MINUS_ONE);
}

// ARITHMETIC
// ================================================================================================

#[test]
fn arithmetic_matches_biguint() {
    let p = p();
    let mut rng = Rng(1);
    let xs = samples(&mut rng, 200);
    let ys = samples(&mut rng, 200);
    for (&x, &y) in xs.iter().zip(ys.iter().rev()) {
        let (bx, by) = (big(x), big(y));
        assert!(bx < p && by < p);
        assert_eq!(big(x + y), (&bx + &by) % &p);
        assert_eq!(big(x - y), (&bx + &p - &by) % &p);
        assert_eq!(big(x * y), (&bx * &by) % &p);
        assert_eq!(big(-x), (&p - &bx) % &p);
        assert_eq!(big(x.double()), (&bx * 2u8) % &p);
        assert_eq!(big(x.square()), (&bx * &bx) % &p);
        assert_eq!(big(x.cube()), bx.modpow(&BigUint::from(3u8), &p));
        assert_eq!(x.conjugate(), x);
        assert_eq!(x.base_element(0), x);

        let mut z = x;
        z += y;
        assert_eq!(z, x + y);
        z = x;
        z -= y;
        assert_eq!(z, x - y);
        z = x;
        z *= y;
        assert_eq!(z, x * y);

        if y != Felt::ZERO {
            let y_inv = y.inv();
            assert_eq!(big(y_inv), by.modpow(&(&p - 2u8), &p));
            assert_eq!(Some(y_inv.0), ark_ff::Field::inverse(&y.0));
            assert_eq!(y * y_inv, Felt::ONE);
            assert_eq!((x / y) * y, x);
            z = x;
            z /= y;
            assert_eq!(z, x / y);
        }

        let e = rng.u256();
        assert_eq!(big(x.exp(e)), bx.modpow(&big_u256(e), &p));
        assert_eq!(x.exp_vartime(e), x.exp(e));
        let small = U256::from(rng.next_u64() % 1000);
        assert_eq!(big(x.exp(small)), bx.modpow(&big_u256(small), &p));
    }
}

/// Montgomery limbs that stress the specialised arithmetic's carries and final reductions:
/// zero low limbs (m = 0 in a reduction round), all-ones limbs, the top limb at and around p₃,
/// and values next to 0, 1, p − 1 and 2^251.
fn edge_limbs() -> Vec<[u64; 4]> {
    let p3 = super::mont::P[3];
    let mut out = vec![
        [0, 0, 0, 0],
        [1, 0, 0, 0],
        [0, 0, 0, p3],                          // p − 1
        [u64::MAX, u64::MAX, u64::MAX, p3 - 1], // p − 2^64·… just below p's top limb
        [u64::MAX, 0, 0, p3 - 1],
        [0, u64::MAX, 0, p3 - 1],
        [0, 0, u64::MAX, p3 - 1],
        [0, 0, 0, 1 << 59], // 2^251
        [u64::MAX, u64::MAX, u64::MAX, 0],
        [0, 0, 1, 0],
        [u64::MAX, 0, 0, 0],
    ];
    let mut rng = Rng(7);
    for _ in 0..40 {
        let r = rng.next_u64();
        out.push([0, r, 0, r % p3]);
        out.push([r, 0, r, p3 - 1 - (r % 16)]);
    }
    out
}

#[test]
fn specialised_montgomery_arithmetic_matches_ark_ff() {
    use super::{ArkFelt, Felt as F};
    let below_p = |l: &[u64; 4]| U256(*l) < Felt::MODULUS;
    let mut values: Vec<F> = edge_limbs().into_iter().map(F::from_mont_limbs).collect();
    assert!(values.iter().all(|v| below_p(v.mont_limbs())));
    let mut rng = Rng(11);
    values.extend((0..300).map(|_| rng.felt()));
    for &x in &values {
        let ax: ArkFelt = x.to_ark();
        assert_eq!((-x).to_ark(), -ax);
        assert_eq!(x.double().to_ark(), ax + ax);
        assert_eq!(x.square().to_ark(), ax * ax);
        for &y in &values {
            let ay = y.to_ark();
            for (ours, theirs) in [(x * y, ax * ay), (x + y, ax + ay), (x - y, ax - ay)] {
                assert_eq!(ours.to_ark(), theirs, "{x:?} {y:?}");
                assert!(below_p(ours.mont_limbs()), "not fully reduced: {:?}", ours.mont_limbs());
            }
        }
    }
    // Long random chains, where results feed back as operands.
    let (mut x, mut ax) = (rng.felt(), ArkFelt::from(0u64));
    ax += x.to_ark();
    for _ in 0..100_000 {
        let y = rng.felt();
        let ay = y.to_ark();
        match rng.next_u64() % 3 {
            0 => (x, ax) = (x * y, ax * ay),
            1 => (x, ax) = (x + y, ax + ay),
            _ => (x, ax) = (x - y, ax - ay),
        }
        assert_eq!(x.to_ark(), ax);
    }
}

#[test]
fn zero_and_identity_conventions() {
    assert_eq!(Felt::ZERO.inv(), Felt::ZERO);
    assert_eq!(Felt::ONE.inv(), Felt::ONE);
    assert_eq!(Felt::MINUS_ONE.inv(), Felt::MINUS_ONE);
    assert_eq!(big(Felt::TWO.inv()), (p() + 1u8) / 2u8);
    assert_eq!(Felt::from(5u8) / Felt::ZERO, Felt::ZERO);
    assert_eq!(Felt::ZERO.exp(U256::ZERO), Felt::ONE);
    assert_eq!(Felt::from(7u8).exp(U256::ZERO), Felt::ONE);
    assert_eq!(Felt::ZERO.exp(U256::from(5u32)), Felt::ZERO);
    assert_eq!(-Felt::ZERO, Felt::ZERO);
    assert!(Felt::ZERO.is_zero() && !Felt::ONE.is_zero());
    let xs = [Felt::from(2u8), Felt::from(3u8), Felt::from(4u8)];
    assert_eq!(xs.iter().copied().sum::<Felt>(), Felt::from(9u8));
    assert_eq!(xs.iter().copied().product::<Felt>(), Felt::from(24u8));
}

#[test]
fn ordering_is_by_canonical_value() {
    let mut rng = Rng(2);
    let xs = samples(&mut rng, 50);
    for &x in &xs {
        for &y in &xs {
            assert_eq!(x.cmp(&y), big(x).cmp(&big(y)));
        }
    }
}

#[test]
fn u256_operations() {
    let mut rng = Rng(3);
    let mask = (BigUint::from(1u8) << 256) - 1u8;
    for _ in 0..200 {
        let (a, b) = (rng.u256(), rng.u256());
        let (ba, bb) = (big_u256(a), big_u256(b));
        assert_eq!(a.cmp(&b), ba.cmp(&bb));
        assert_eq!(a.partial_cmp(&b), ba.partial_cmp(&bb));
        assert_eq!(big_u256(a & b), &ba & &bb);
        for s in [0u32, 1, 7, 63, 64, 65, 127, 128, 191, 192, 200, 255, 256, 300] {
            assert_eq!(big_u256(a << s), (&ba << s) & &mask, "{a:?} << {s}");
            assert_eq!(big_u256(a >> s), &ba >> s, "{a:?} >> {s}");
            let mut c = a;
            c >>= U256::from(s);
            assert_eq!(c, a >> s);
        }
        let mut c = a;
        c >>= U256([0, 0, 1, 0]);
        assert_eq!(c, U256::ZERO);
        assert_eq!(u64::from(a.bits()), ba.bits());
        assert_eq!(U256::from_le_bytes(&a.to_le_bytes()), a);
    }
    assert_eq!(U256::from(5u32), U256::from(5u64));
    assert_eq!(U256::from(u128::MAX), U256([u64::MAX, u64::MAX, 0, 0]));
    assert_eq!(U256::ZERO.bits(), 0);
    assert_eq!(format!("{:?}", U256([1, 2, 0, 0])), "0x20000000000000001");
    assert_eq!(format!("{:?}", U256::ZERO), "0x0");
}

// ENCODINGS
// ================================================================================================

#[test]
fn serialization_round_trip() {
    let mut rng = Rng(4);
    let xs = samples(&mut rng, 100);
    for &x in &xs {
        let bytes = x.to_bytes();
        assert_eq!(bytes.len(), 32);
        assert_eq!(x.get_size_hint(), 32);
        assert_eq!(bytes, le32(&big(x)).to_vec());
        assert_eq!(bytes, x.to_le_bytes().to_vec());
        assert_eq!(Felt::read_from_bytes(&bytes).unwrap(), x);
        assert_eq!(Felt::try_from(bytes.as_slice()).unwrap(), x);
        assert_eq!(Felt::from_le_bytes_canonical(&x.to_le_bytes()), Some(x));
        assert_eq!(Felt::from_int(x.as_int()), Some(x));
        assert_eq!(big_u256(x.as_int()), big(x));
    }
    // A vector of elements (as Winterfell serializes trace queries, OOD frames, ...).
    let bytes = xs.to_bytes();
    assert_eq!(Vec::<Felt>::read_from_bytes(&bytes).unwrap(), xs);
    let mut bytes = Vec::new();
    bytes.write_many(&xs);
    assert_eq!(bytes.len(), 32 * xs.len());
    let mut reader = SliceReader::new(&bytes);
    assert_eq!(reader.read_many::<Felt>(xs.len()).unwrap(), xs);
}

#[test]
fn non_canonical_encodings_are_rejected() {
    let p = p();
    let bad = [p.clone(), &p + 1u8, &p + 12345u32, BigUint::from(1u8) << 252, (BigUint::from(1u8) << 256) - 1u8];
    for value in &bad {
        let bytes = le32(value);
        assert!(Felt::read_from_bytes(&bytes).is_err(), "{value}");
        assert!(Felt::try_from(bytes.as_slice()).is_err(), "{value}");
        assert!(Felt::from_le_bytes_canonical(&bytes).is_none(), "{value}");
        assert!(Felt::from_int(U256::from_le_bytes(&bytes)).is_none(), "{value}");
        // The reducing decoder accepts it.
        assert_eq!(big(Felt::from_le_bytes_reduced(&bytes)), value % &p);
    }
    // p − 1 is the largest canonical value.
    assert_eq!(Felt::read_from_bytes(&le32(&(&p - 1u8))).unwrap(), Felt::MINUS_ONE);
    // Wrong lengths.
    assert!(Felt::try_from(&[0u8; 31][..]).is_err());
    assert!(Felt::try_from(&[0u8; 33][..]).is_err());
    assert!(Felt::try_from(&[][..]).is_err());
    assert!(Felt::read_from_bytes(&[0u8; 31]).is_err());
    // A truncated vector.
    let bytes = vec![Felt::ONE, Felt::TWO].to_bytes();
    assert!(Vec::<Felt>::read_from_bytes(&bytes[..bytes.len() - 1]).is_err());
}

#[test]
fn random_draws() {
    let p = p();
    let mut rng = Rng(5);
    let n = 4000;
    let mut accepted = 0;
    for _ in 0..n {
        let bytes = rng.bytes32();
        let mut masked = bytes;
        masked[31] &= 0x0f;
        let masked = BigUint::from_bytes_le(&masked);
        match Felt::from_random_bytes(&bytes) {
            Some(x) => {
                accepted += 1;
                assert!(big(x) < p);
                assert_eq!(big(x), masked);
            }
            None => assert!(masked >= p),
        }
    }
    // Acceptance probability is p / 2^252 ≈ 1/2.
    let rate = accepted as f64 / n as f64;
    assert!((0.46..0.54).contains(&rate), "acceptance rate {rate}");
    // Only the first 32 bytes count; fewer than 32 gives None.
    let mut long = [0u8; 40];
    long[0] = 9;
    long[35] = 0xff;
    assert_eq!(Felt::from_random_bytes(&long), Some(Felt::from(9u8)));
    assert_eq!(Felt::from_random_bytes(&[1u8; 31]), None);
    // Top 4 bits are ignored: 2^255 + 5 → 5.
    let mut top = [0u8; 32];
    top[0] = 5;
    top[31] = 0xf0;
    assert_eq!(Felt::from_random_bytes(&top), Some(Felt::from(5u8)));
}

#[test]
fn in_memory_bytes() {
    let mut rng = Rng(6);
    let xs = samples(&mut rng, 10);
    let raw = Felt::elements_as_bytes(&xs);
    assert_eq!(raw.len(), 32 * xs.len());
    // The raw bytes are the Montgomery limbs, x·2^256 mod p.
    let r = (BigUint::from(1u8) << 256) % p();
    for (x, chunk) in xs.iter().zip(raw.chunks_exact(32)) {
        assert_eq!(BigUint::from_bytes_le(chunk), (big(*x) * &r) % p());
        assert_eq!(winter_utils::AsBytes::as_bytes(x), chunk);
    }
    // bytes_as_elements inverts it on an aligned buffer, and checks length and alignment.
    let copy: Vec<Felt> = xs.clone();
    let raw = Felt::elements_as_bytes(&copy);
    assert_eq!(unsafe { Felt::bytes_as_elements(raw) }.unwrap(), &xs[..]);
    assert!(unsafe { Felt::bytes_as_elements(&raw[..31]) }.is_err());
    assert!(unsafe { Felt::bytes_as_elements(&raw[1..33]) }.is_err());
}

#[test]
#[allow(clippy::unnecessary_fallible_conversions)] // Winterfell requires TryFrom<u64/u128>
fn integer_conversions() {
    let p = p();
    assert_eq!(Felt::from(7u8), Felt::from_u64(7));
    assert_eq!(Felt::from(7u16), Felt::from_u64(7));
    assert_eq!(Felt::from(7u32), Felt::from_u64(7));
    assert_eq!(Felt::try_from(u64::MAX).unwrap(), Felt::from_u64(u64::MAX));
    assert_eq!(Felt::try_from(u128::MAX).unwrap(), Felt::from_u128(u128::MAX));
    assert_eq!(big(Felt::from_u128(u128::MAX)), BigUint::from(u128::MAX));
    assert_eq!(Felt::from(true), Felt::ONE);
    assert_eq!(Felt::from(false), Felt::ZERO);
    for v in [0i128, 1, -1, 42, -42, i64::MIN as i128, i128::MAX, i128::MIN, -(1 << 100)] {
        let expected = if v < 0 { &p - BigUint::from(v.unsigned_abs()) } else { BigUint::from(v as u128) };
        assert_eq!(big(Felt::from_i128(v)), expected, "{v}");
    }
    assert_eq!(Felt::from_i64(-5), -Felt::from(5u8));
    assert_eq!(Felt::from_u64(12).to_u64(), Some(12));
    assert_eq!(Felt::from_u64(u64::MAX).to_u64(), Some(u64::MAX));
    assert_eq!(Felt::from_u128(1 << 64).to_u64(), None);
    assert_eq!(Felt::from_u128(u128::MAX).to_u128(), Some(u128::MAX));
    assert_eq!(Felt::MINUS_ONE.to_u128(), None);
    // Const construction.
    const C: Felt = Felt::from_u64(1234);
    assert_eq!(big(C), BigUint::from(1234u32));
}

#[test]
fn formatting() {
    assert_eq!(Felt::from(42u8).to_string(), "42");
    assert_eq!(format!("{:?}", Felt::from(42u8)), "42");
    assert_eq!(Felt::ZERO.to_string(), "0");
    assert_eq!(Felt::MINUS_ONE.to_string(), (p() - 1u8).to_string());
    assert_eq!(format!("{:x}", Felt::from(255u8)), "ff");
    assert_eq!(format!("{:#x}", Felt::from(255u8)), "0xff");
    assert_eq!(format!("{:#x}", Felt::ZERO), "0x0");
    assert_eq!(format!("{:#x}", Felt::MINUS_ONE), "0x800000000000011000000000000000000000000000000000000000000000000");
    assert_eq!(format!("{:x}", Felt::MINUS_ONE), format!("{:x}", Felt::MINUS_ONE.to_starknet()));
}

#[test]
fn hex_parsing_and_serde() {
    let mut rng = Rng(10);
    for x in samples(&mut rng, 50) {
        let hex = format!("{x:#x}");
        assert_eq!(hex, format!("{:#x}", big(x)));
        assert_eq!(Felt::from_hex(&hex), Some(x));
        assert_eq!(Felt::from_hex(&hex[2..]), Some(x));
        assert_eq!(Felt::from_hex(&hex.to_uppercase().replace("0X", "0x")), Some(x));
        let json = serde_json::to_string(&x).unwrap();
        assert_eq!(json, format!("\"{hex}\""));
        assert_eq!(serde_json::from_str::<Felt>(&json).unwrap(), x);
    }
    assert_eq!(Felt::from_hex("0x0"), Some(Felt::ZERO));
    assert_eq!(
        Felt::from_hex("0X00000000000000000000000000000000000000000000000000000000000000000000ff"),
        Some(Felt::from(255u8))
    );
    assert_eq!(Felt::from_hex(&format!("{:#x}", p() - 1u8)), Some(Felt::MINUS_ONE));
    for bad in ["", "0x", "0xg", "-1", "0x 1", &format!("{:#x}", p()), &format!("{:#x}", BigUint::from(1u8) << 256)] {
        assert_eq!(Felt::from_hex(bad), None, "{bad:?}");
        assert!(serde_json::from_str::<Felt>(&format!("\"{bad}\"")).is_err(), "{bad:?}");
    }
    assert!(serde_json::from_str::<Felt>("5").is_err());
    let xs = vec![Felt::ONE, Felt::MINUS_ONE];
    assert_eq!(serde_json::from_str::<Vec<Felt>>(&serde_json::to_string(&xs).unwrap()).unwrap(), xs);
}

#[test]
fn starknet_conversions() {
    use starknet_types_core::felt::Felt as SnFelt;
    let mut rng = Rng(7);
    for x in samples(&mut rng, 200) {
        let s = x.to_starknet();
        assert_eq!(s.to_bytes_le(), x.to_le_bytes());
        assert_eq!(s, SnFelt::from_bytes_le(&x.to_le_bytes()));
        assert_eq!(Felt::from_starknet(&s), x);
        assert_eq!(Felt::from(s), x);
        assert_eq!(SnFelt::from(x), s);
    }
    for v in [0i128, 1, -1, 7, -7, i128::MAX, i128::MIN, -(1 << 70) + 3] {
        let s = SnFelt::from(v);
        assert_eq!(Felt::from_starknet(&s), Felt::from_i128(v), "{v}");
        assert_eq!(Felt::from_i128(v).to_starknet(), s, "{v}");
    }
    assert_eq!(Felt::from_starknet(&SnFelt::MAX), Felt::MINUS_ONE);
    assert_eq!(Felt::from_starknet(&SnFelt::ZERO), Felt::ZERO);
    assert_eq!(Felt::from_starknet(&SnFelt::ONE), Felt::ONE);
    // Arithmetic agrees across the two libraries.
    let (a, b) = (rng.felt(), rng.felt());
    assert_eq!((a * b + a).to_starknet(), a.to_starknet() * b.to_starknet() + a.to_starknet());
}

// WINTERFELL INTEGRATION
// ================================================================================================

#[test]
fn extensions_are_unsupported() {
    assert!(!<Felt as ExtensibleField<2>>::is_supported());
    assert!(!<Felt as ExtensibleField<3>>::is_supported());
    assert!(!QuadExtension::<Felt>::is_supported());
    assert!(!CubeExtension::<Felt>::is_supported());
}

#[test]
fn fft_round_trip() {
    let mut rng = Rng(8);
    let n = 16;
    let coeffs: Vec<Felt> = (0..n).map(|_| rng.felt()).collect();

    let mut evals = coeffs.clone();
    let twiddles = fft::get_twiddles::<Felt>(n);
    fft::evaluate_poly(&mut evals, &twiddles);
    // Compare with direct evaluation over the domain <g>, g of order 16.
    let g = Felt::get_root_of_unity(4);
    let mut x = Felt::ONE;
    for &e in &evals {
        assert_eq!(e, polynom::eval(&coeffs, x));
        x *= g;
    }

    let inv_twiddles = fft::get_inv_twiddles::<Felt>(n);
    fft::interpolate_poly(&mut evals, &inv_twiddles);
    assert_eq!(evals, coeffs);

    // Coset evaluation / interpolation (as used for the LDE).
    let offset = Felt::GENERATOR;
    let blowup = 4;
    let lde_twiddles = fft::get_twiddles::<Felt>(n);
    let lde = fft::evaluate_poly_with_offset(&coeffs, &lde_twiddles, offset, blowup);
    let h = Felt::get_root_of_unity(6);
    let mut x = offset;
    for &e in &lde {
        assert_eq!(e, polynom::eval(&coeffs, x));
        x *= h;
    }
    assert_eq!(fft::infer_degree(&lde, offset), n - 1);

    // Lagrange interpolation through winter-math's generic polynomial code.
    let xs: Vec<Felt> = (0..5u32).map(|i| Felt::from(i + 1)).collect();
    let ys: Vec<Felt> = (0..5).map(|_| rng.felt()).collect();
    let poly = polynom::interpolate(&xs, &ys, false);
    for (&x, &y) in xs.iter().zip(&ys) {
        assert_eq!(polynom::eval(&poly, x), y);
    }
}

#[test]
fn hashing_and_random_coin() {
    use winterfell::crypto::{hashers::Blake3_256, DefaultRandomCoin, ElementHasher, Hasher, RandomCoin};
    type H = Blake3_256<Felt>;

    let mut rng = Rng(9);
    let xs = samples(&mut rng, 5);
    // IS_CANONICAL = false: hashers hash the canonical serialization, not the Montgomery bytes.
    let mut serialized = Vec::new();
    for x in &xs {
        serialized.extend_from_slice(&x.to_le_bytes());
    }
    assert_eq!(H::hash_elements(&xs), H::hash(&serialized));

    let mut coin = DefaultRandomCoin::<H>::new(&xs);
    for _ in 0..100 {
        let x: Felt = coin.draw().expect("a draw succeeds with high probability");
        assert!(big(x) < p());
    }
}

/// A complete prove/verify round trip with Winterfell over `Felt` (the "do work" example from
/// Winterfell's docs: x_{i+1} = x_i^3 + 42).
mod end_to_end {
    use winterfell::{
        crypto::{hashers::Blake3_256, DefaultRandomCoin, MerkleTree},
        math::{FieldElement, ToElements},
        matrix::ColMatrix,
        AcceptableOptions, Air, AirContext, Assertion, AuxRandElements, BatchingMethod, CompositionPoly,
        CompositionPolyTrace, ConstraintCompositionCoefficients, DefaultConstraintCommitment,
        DefaultConstraintEvaluator, DefaultTraceLde, EvaluationFrame, FieldExtension, PartitionOptions, Proof,
        ProofOptions, Prover, ProverError, StarkDomain, Trace, TraceInfo, TracePolyTable, TraceTable,
        TransitionConstraintDegree,
    };

    use super::Felt;

    type H = Blake3_256<Felt>;

    fn build_trace(start: Felt, n: usize) -> TraceTable<Felt> {
        let mut trace = TraceTable::new(1, n);
        trace.fill(|state| state[0] = start, |_, state| state[0] = state[0].cube() + Felt::from(42u8));
        trace
    }

    #[derive(Clone)]
    struct PublicInputs {
        start: Felt,
        result: Felt,
    }

    impl ToElements<Felt> for PublicInputs {
        fn to_elements(&self) -> Vec<Felt> {
            vec![self.start, self.result]
        }
    }

    struct WorkAir {
        context: AirContext<Felt>,
        start: Felt,
        result: Felt,
    }

    impl Air for WorkAir {
        type BaseField = Felt;
        type PublicInputs = PublicInputs;

        fn new(trace_info: TraceInfo, pub_inputs: PublicInputs, options: ProofOptions) -> Self {
            let degrees = vec![TransitionConstraintDegree::new(3)];
            WorkAir {
                context: AirContext::new(trace_info, degrees, 2, options),
                start: pub_inputs.start,
                result: pub_inputs.result,
            }
        }

        fn evaluate_transition<E: FieldElement + From<Self::BaseField>>(
            &self,
            frame: &EvaluationFrame<E>,
            _periodic_values: &[E],
            result: &mut [E],
        ) {
            let next_state = frame.current()[0].cube() + E::from(42u32);
            result[0] = frame.next()[0] - next_state;
        }

        fn get_assertions(&self) -> Vec<Assertion<Felt>> {
            let last_step = self.trace_length() - 1;
            vec![Assertion::single(0, 0, self.start), Assertion::single(0, last_step, self.result)]
        }

        fn context(&self) -> &AirContext<Felt> {
            &self.context
        }
    }

    struct WorkProver {
        options: ProofOptions,
    }

    impl Prover for WorkProver {
        type BaseField = Felt;
        type Air = WorkAir;
        type Trace = TraceTable<Felt>;
        type HashFn = H;
        type VC = MerkleTree<H>;
        type RandomCoin = DefaultRandomCoin<H>;
        type TraceLde<E: FieldElement<BaseField = Felt>> = DefaultTraceLde<E, H, Self::VC>;
        type ConstraintCommitment<E: FieldElement<BaseField = Felt>> = DefaultConstraintCommitment<E, H, Self::VC>;
        type ConstraintEvaluator<'a, E: FieldElement<BaseField = Felt>> = DefaultConstraintEvaluator<'a, WorkAir, E>;

        fn get_pub_inputs(&self, trace: &Self::Trace) -> PublicInputs {
            PublicInputs { start: trace.get(0, 0), result: trace.get(0, trace.length() - 1) }
        }

        fn options(&self) -> &ProofOptions {
            &self.options
        }

        fn new_trace_lde<E: FieldElement<BaseField = Felt>>(
            &self,
            trace_info: &TraceInfo,
            main_trace: &ColMatrix<Felt>,
            domain: &StarkDomain<Felt>,
            partition_option: PartitionOptions,
        ) -> (Self::TraceLde<E>, TracePolyTable<E>) {
            DefaultTraceLde::new(trace_info, main_trace, domain, partition_option)
        }

        fn build_constraint_commitment<E: FieldElement<BaseField = Felt>>(
            &self,
            composition_poly_trace: CompositionPolyTrace<E>,
            num_constraint_composition_columns: usize,
            domain: &StarkDomain<Felt>,
            partition_options: PartitionOptions,
        ) -> (Self::ConstraintCommitment<E>, CompositionPoly<E>) {
            DefaultConstraintCommitment::new(
                composition_poly_trace,
                num_constraint_composition_columns,
                domain,
                partition_options,
            )
        }

        fn new_evaluator<'a, E: FieldElement<BaseField = Felt>>(
            &self,
            air: &'a WorkAir,
            aux_rand_elements: Option<AuxRandElements<E>>,
            composition_coefficients: ConstraintCompositionCoefficients<E>,
        ) -> Self::ConstraintEvaluator<'a, E> {
            DefaultConstraintEvaluator::new(air, aux_rand_elements, composition_coefficients)
        }
    }

    fn options(extension: FieldExtension) -> ProofOptions {
        ProofOptions::new(32, 8, 0, extension, 4, 7, BatchingMethod::Linear, BatchingMethod::Linear)
    }

    fn verify(proof: Proof, pub_inputs: PublicInputs) -> Result<(), winterfell::VerifierError> {
        let acceptable = AcceptableOptions::MinConjecturedSecurity(95);
        winterfell::verify::<WorkAir, H, DefaultRandomCoin<H>, MerkleTree<H>>(proof, pub_inputs, &acceptable)
    }

    #[test]
    fn prove_and_verify() {
        let start = Felt::from(3u8);
        let n = 64;
        let trace = build_trace(start, n);
        let result = trace.get(0, n - 1);

        let prover = WorkProver { options: options(FieldExtension::None) };
        let proof = prover.prove(trace).expect("proving succeeds");

        // The proof survives (de)serialization, which goes through Felt's canonical encoding.
        let proof = Proof::from_bytes(&proof.to_bytes()).expect("proof deserializes");
        verify(proof.clone(), PublicInputs { start, result }).expect("proof verifies");
        assert!(verify(proof, PublicInputs { start, result: result + Felt::ONE }).is_err());
    }

    #[test]
    fn extension_fields_are_refused() {
        for (extension, degree) in [(FieldExtension::Quadratic, 2), (FieldExtension::Cubic, 3)] {
            let prover = WorkProver { options: options(extension) };
            match prover.prove(build_trace(Felt::ONE, 8)) {
                Err(ProverError::UnsupportedFieldExtension(d)) => assert_eq!(d, degree),
                other => panic!("expected UnsupportedFieldExtension, got {:?}", other.map(|_| ())),
            }
        }
    }
}
