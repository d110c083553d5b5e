//! The Stark-252 prime field (Starknet's `felt252`) as a Winterfell 0.13 base field.
//!
//! p = 2^251 + 17·2^192 + 1, two-adicity 192, multiplicative generator 3.
//!
//! Arithmetic is ark-ff's 4-limb Montgomery backend (`Fp256<MontBackend<_, 4>>`, no asm); [`Felt`]
//! is a `#[repr(transparent)]` newtype over it so that Winterfell's (foreign) traits can be
//! implemented. Elements are stored in Montgomery form, hence `IS_CANONICAL = false`:
//!
//! * [`FieldElement::elements_as_bytes`] / [`AsBytes::as_bytes`] expose the raw in-memory
//!   (Montgomery, little-endian limbs) bytes. They are *not* the canonical encoding; Winterfell's
//!   hashers check `IS_CANONICAL` and serialize elements instead of hashing these bytes.
//! * [`Serializable`] / [`Deserializable`] / `TryFrom<&[u8]>` / [`Felt::to_le_bytes`] use the
//!   canonical 32-byte little-endian integer; decoding rejects values ≥ p.
//!
//! Quadratic and cubic extensions are not supported (`ExtensibleField::<2|3>::is_supported()`
//! returns `false`, which makes Winterfell's prover and verifier return an
//! `UnsupportedFieldExtension` error for `FieldExtension::Quadratic`/`Cubic`); with a 252-bit
//! field, `FieldExtension::None` already gives ample soundness.

use core::{
    fmt,
    iter::{Product, Sum},
    mem,
    ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign},
    slice,
};

use ark_ff::{BigInt, Field, Fp256, MontBackend, MontFp, PrimeField};
use winter_math::{ExtensibleField, FieldElement, StarkField};
use winter_utils::{AsBytes, ByteReader, ByteWriter, Deserializable, DeserializationError, Randomizable, Serializable};

#[cfg(target_arch = "x86_64")]
pub mod ifma;
mod mont;
mod u256;
pub use u256::U256;

#[cfg(test)]
mod tests;

// ARK-FF BACKEND
// ================================================================================================

/// ark-ff Montgomery parameters of the Stark-252 field.
// The derive emits `cfg(feature = "asm")` checks evaluated against *this* crate's features.
#[allow(unexpected_cfgs)]
mod config {
    use ark_ff::MontConfig;

    #[derive(MontConfig)]
    #[modulus = "3618502788666131213697322783095070105623107215331596699973092056135872020481"]
    #[generator = "3"]
    pub struct Stark252Config;
}
pub use config::Stark252Config;

/// The ark-ff field type backing [`Felt`].
pub type ArkFelt = Fp256<MontBackend<Stark252Config, 4>>;

/// p as little-endian 64-bit limbs.
const MODULUS_LIMBS: [u64; 4] = [1, 0, 0, 0x0800_0000_0000_0011];

/// Number of bytes of an encoded element.
const ELEMENT_BYTES: usize = 32;

// FIELD ELEMENT
// ================================================================================================

/// An element of the Stark-252 prime field (stored in Montgomery form).
///
/// `Ord` compares canonical integer values in `[0, p)`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
#[repr(transparent)]
pub struct Felt(pub ArkFelt);

// `elements_as_bytes`/`bytes_as_elements`/`as_bytes` reinterpret memory: `Felt` must be exactly
// the 4 limbs (no padding, no extra data), 8-byte aligned.
const _: () = assert!(mem::size_of::<Felt>() == ELEMENT_BYTES);
const _: () = assert!(mem::align_of::<Felt>() == mem::align_of::<u64>());

impl Felt {
    /// The additive identity.
    pub const ZERO: Felt = Felt(ArkFelt::new_unchecked(BigInt([0; 4])));
    /// The multiplicative identity.
    pub const ONE: Felt = Felt(MontFp!("1"));
    /// 2.
    pub const TWO: Felt = Felt(MontFp!("2"));
    /// p − 1 (= −1).
    pub const MINUS_ONE: Felt =
        Felt(MontFp!("3618502788666131213697322783095070105623107215331596699973092056135872020480"));
    /// The field modulus p as an integer.
    pub const MODULUS: U256 = U256::from_limbs(MODULUS_LIMBS);

    /// Wraps an ark-ff element.
    #[inline(always)]
    pub const fn from_ark(value: ArkFelt) -> Self {
        Felt(value)
    }

    /// The underlying ark-ff element.
    #[inline(always)]
    pub const fn to_ark(self) -> ArkFelt {
        self.0
    }

    /// The Montgomery-form limbs (a·2^256 mod p, little-endian), what [`mont`] computes on.
    #[inline(always)]
    const fn mont_limbs(&self) -> &[u64; 4] {
        &(self.0).0 .0
    }

    /// An element from fully reduced Montgomery-form limbs (as [`mont`] returns them).
    #[inline(always)]
    const fn from_mont_limbs(limbs: [u64; 4]) -> Self {
        Felt(ArkFelt::new_unchecked(BigInt(limbs)))
    }

    /// Converts a `u64` (always < p). Usable in constants.
    #[inline]
    pub const fn from_u64(value: u64) -> Self {
        Felt(ArkFelt::new(BigInt([value, 0, 0, 0])))
    }

    /// Converts a `u128` (always < p). Usable in constants.
    #[inline]
    pub const fn from_u128(value: u128) -> Self {
        Felt(ArkFelt::new(BigInt([value as u64, (value >> 64) as u64, 0, 0])))
    }

    /// Converts an `i64`; negative values map to p − |x|.
    #[inline]
    pub fn from_i64(value: i64) -> Self {
        Self::from_i128(value as i128)
    }

    /// Converts an `i128`; negative values map to p − |x|.
    #[inline]
    pub fn from_i128(value: i128) -> Self {
        let magnitude = Self::from_u128(value.unsigned_abs());
        if value < 0 {
            -magnitude
        } else {
            magnitude
        }
    }

    /// Builds an element from its canonical integer value; `None` if `value >= p`.
    #[inline]
    pub fn from_int(value: U256) -> Option<Self> {
        ArkFelt::from_bigint(BigInt(value.0)).map(Felt)
    }

    /// The canonical integer value in `[0, p)`.
    #[inline]
    pub fn to_int(&self) -> U256 {
        U256(self.0.into_bigint().0)
    }

    /// Decodes a canonical 32-byte little-endian encoding; `None` if the value is ≥ p.
    #[inline]
    pub fn from_le_bytes_canonical(bytes: &[u8; 32]) -> Option<Self> {
        Self::from_int(U256::from_le_bytes(bytes))
    }

    /// Decodes 32 little-endian bytes, reducing the 256-bit value modulo p.
    #[inline]
    pub fn from_le_bytes_reduced(bytes: &[u8; 32]) -> Self {
        Felt(ArkFelt::from_le_bytes_mod_order(bytes))
    }

    /// The canonical 32-byte little-endian encoding.
    #[inline]
    pub fn to_le_bytes(&self) -> [u8; 32] {
        self.to_int().to_le_bytes()
    }

    /// Parses a hex string, with or without a `0x`/`0X` prefix (as in Stone/cairo-vm JSON);
    /// `None` if it is empty, has a non-hex character, or its value is ≥ p.
    pub fn from_hex(s: &str) -> Option<Self> {
        let digits = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")).unwrap_or(s);
        if digits.is_empty() {
            return None;
        }
        let digits = digits.trim_start_matches('0').as_bytes();
        if digits.len() > 64 {
            return None;
        }
        let mut limbs = [0u64; 4];
        for (i, &c) in digits.iter().rev().enumerate() {
            let nibble = (c as char).to_digit(16)? as u64;
            limbs[i / 16] |= nibble << (4 * (i % 16));
        }
        Self::from_int(U256(limbs))
    }

    /// The canonical value as a `u64`, if it fits.
    #[inline]
    pub fn to_u64(&self) -> Option<u64> {
        let limbs = self.0.into_bigint().0;
        (limbs[1] == 0 && limbs[2] == 0 && limbs[3] == 0).then_some(limbs[0])
    }

    /// The canonical value as a `u128`, if it fits.
    #[inline]
    pub fn to_u128(&self) -> Option<u128> {
        self.to_int().to_u128()
    }

    #[inline]
    pub fn is_zero(&self) -> bool {
        *self == Self::ZERO
    }

    /// Converts to the `starknet-types-core` felt (the runtime's Cairo memory value type).
    ///
    /// Both libraries use Montgomery form with R = 2^256 for the same modulus, so this just
    /// reorders the limbs (lambdaworks keeps them most-significant first).
    #[inline]
    pub fn to_starknet(&self) -> starknet_types_core::felt::Felt {
        let [l0, l1, l2, l3] = (self.0).0 .0;
        starknet_types_core::felt::Felt::from_raw([l3, l2, l1, l0])
    }

    /// Converts from the `starknet-types-core` felt (same field, so this is exact).
    #[inline]
    pub fn from_starknet(value: &starknet_types_core::felt::Felt) -> Self {
        let [l0, l1, l2, l3] = value.to_raw();
        Felt(ArkFelt::new_unchecked(BigInt([l3, l2, l1, l0])))
    }
}

impl From<starknet_types_core::felt::Felt> for Felt {
    fn from(value: starknet_types_core::felt::Felt) -> Self {
        Self::from_starknet(&value)
    }
}

impl From<&starknet_types_core::felt::Felt> for Felt {
    fn from(value: &starknet_types_core::felt::Felt) -> Self {
        Self::from_starknet(value)
    }
}

impl From<Felt> for starknet_types_core::felt::Felt {
    fn from(value: Felt) -> Self {
        value.to_starknet()
    }
}

// WINTERFELL FIELD TRAITS
// ================================================================================================

impl FieldElement for Felt {
    type PositiveInteger = U256;
    type BaseField = Self;

    const EXTENSION_DEGREE: usize = 1;
    const ELEMENT_BYTES: usize = ELEMENT_BYTES;
    const IS_CANONICAL: bool = false;
    const ZERO: Self = Felt::ZERO;
    const ONE: Self = Felt::ONE;

    #[inline(always)]
    fn double(self) -> Self {
        self + self
    }

    #[inline(always)]
    fn square(self) -> Self {
        self * self
    }

    #[inline]
    fn exp(self, power: U256) -> Self {
        Felt(self.0.pow(power.0))
    }

    #[inline]
    fn exp_vartime(self, power: U256) -> Self {
        Felt(self.0.pow(power.0))
    }

    /// The multiplicative inverse; `ZERO` for `ZERO` (Winterfell's convention).
    #[inline]
    fn inv(self) -> Self {
        Felt(inv_fermat(self.0))
    }

    #[inline]
    fn conjugate(&self) -> Self {
        *self
    }

    fn base_element(&self, i: usize) -> Self::BaseField {
        match i {
            0 => *self,
            _ => panic!("element index must be 0, but was {i}"),
        }
    }

    #[inline]
    fn slice_as_base_elements(elements: &[Self]) -> &[Self::BaseField] {
        elements
    }

    #[inline]
    fn slice_from_base_elements(elements: &[Self::BaseField]) -> &[Self] {
        elements
    }

    /// The raw in-memory (Montgomery-form) bytes of `elements`, 32 per element. Not the canonical
    /// encoding (see the module docs).
    fn elements_as_bytes(elements: &[Self]) -> &[u8] {
        // SAFETY: `Felt` is `repr(transparent)` over ark's `Fp` = `BigInt<4>` (`[u64; 4]`) plus a
        // zero-sized marker, and is asserted above to be exactly 32 bytes, so it has no padding:
        // every byte of the slice is initialized, and u8 has no alignment requirement. The
        // returned slice borrows `elements`, so it cannot outlive or alias a mutable borrow.
        unsafe { slice::from_raw_parts(elements.as_ptr().cast::<u8>(), mem::size_of_val(elements)) }
    }

    unsafe fn bytes_as_elements(bytes: &[u8]) -> Result<&[Self], DeserializationError> {
        if !bytes.len().is_multiple_of(ELEMENT_BYTES) {
            return Err(DeserializationError::InvalidValue(format!(
                "number of bytes ({}) does not divide into whole number of field elements",
                bytes.len(),
            )));
        }
        let p = bytes.as_ptr();
        if !(p as usize).is_multiple_of(mem::align_of::<Self>()) {
            return Err(DeserializationError::InvalidValue(
                "slice memory alignment is not valid for this field element type".to_string(),
            ));
        }
        // SAFETY: length and alignment are checked above; validity of the Montgomery limbs
        // (< p) is the caller's responsibility, as documented by the trait.
        Ok(unsafe { slice::from_raw_parts(p.cast::<Self>(), bytes.len() / ELEMENT_BYTES) })
    }
}

/// `x^(2^n)`.
#[inline(always)]
fn square_n(mut x: ArkFelt, n: u32) -> ArkFelt {
    for _ in 0..n {
        x.square_in_place();
    }
    x
}

/// `x^(p−2)` (= `x⁻¹`, and 0 for 0) by a fixed addition chain: 250 squarings + 11 products,
/// about twice as fast as ark-ff's binary-Euclid `inverse()` for this modulus (and constant time).
///
/// p − 2 = 2^251 + 2^196 + (2^192 − 1), so with t = x^(2^192 − 1) and s = t·x = x^(2^192):
/// x^(p−2) = s^(2^59) · s^(2^4) · t.
fn inv_fermat(x: ArkFelt) -> ArkFelt {
    // a_k = x^(2^k − 1), using a_{2k} = a_k^(2^k) · a_k.
    let a1 = x;
    let a2 = square_n(a1, 1) * a1;
    let a4 = square_n(a2, 2) * a2;
    let a8 = square_n(a4, 4) * a4;
    let a16 = square_n(a8, 8) * a8;
    let a32 = square_n(a16, 16) * a16;
    let a64 = square_n(a32, 32) * a32;
    let a128 = square_n(a64, 64) * a64;
    let t = square_n(a128, 64) * a64; // x^(2^192 − 1)
    let s4 = square_n(t * x, 4); // x^(2^196)
    let s59 = square_n(s4, 55); // x^(2^251)
    s59 * s4 * t
}

impl StarkField for Felt {
    const MODULUS: U256 = Felt::MODULUS;
    const MODULUS_BITS: u32 = 252;
    const GENERATOR: Self = Felt(MontFp!("3"));
    const TWO_ADICITY: u32 = 192;
    /// 3^((p − 1) / 2^192) = 3^(2^59 + 17).
    const TWO_ADIC_ROOT_OF_UNITY: Self =
        Felt(MontFp!("145784604816374866144131285430889962727208297722245411306711449302875041684"));

    fn get_modulus_le_bytes() -> Vec<u8> {
        Felt::MODULUS.to_le_bytes().to_vec()
    }

    #[inline]
    fn as_int(&self) -> U256 {
        self.to_int()
    }
}

const NO_EXTENSION: &str =
    "Stark-252 field extensions are not supported (is_supported() is false); use FieldExtension::None";

/// Not supported: `is_supported()` is `false`, so Winterfell never calls the other methods.
impl ExtensibleField<2> for Felt {
    fn mul(_a: [Self; 2], _b: [Self; 2]) -> [Self; 2] {
        unimplemented!("{NO_EXTENSION}")
    }

    fn mul_base(_a: [Self; 2], _b: Self) -> [Self; 2] {
        unimplemented!("{NO_EXTENSION}")
    }

    fn frobenius(_x: [Self; 2]) -> [Self; 2] {
        unimplemented!("{NO_EXTENSION}")
    }

    fn is_supported() -> bool {
        false
    }
}

/// Not supported: `is_supported()` is `false`, so Winterfell never calls the other methods.
impl ExtensibleField<3> for Felt {
    fn mul(_a: [Self; 3], _b: [Self; 3]) -> [Self; 3] {
        unimplemented!("{NO_EXTENSION}")
    }

    fn mul_base(_a: [Self; 3], _b: Self) -> [Self; 3] {
        unimplemented!("{NO_EXTENSION}")
    }

    fn frobenius(_x: [Self; 3]) -> [Self; 3] {
        unimplemented!("{NO_EXTENSION}")
    }

    fn is_supported() -> bool {
        false
    }
}

impl Randomizable for Felt {
    const VALUE_SIZE: usize = ELEMENT_BYTES;

    /// Takes the first 32 bytes as a little-endian integer, clears its top 4 bits (leaving 252
    /// bits) and accepts it if it is < p (probability ≈ 1/2; Winterfell's coin redraws
    /// otherwise). `None` if fewer than 32 bytes are given.
    fn from_random_bytes(source: &[u8]) -> Option<Self> {
        let mut bytes: [u8; 32] = source.get(..ELEMENT_BYTES)?.try_into().ok()?;
        bytes[31] &= 0x0f;
        Self::from_le_bytes_canonical(&bytes)
    }
}

impl AsBytes for Felt {
    /// The raw in-memory (Montgomery-form) bytes; see [`FieldElement::elements_as_bytes`].
    fn as_bytes(&self) -> &[u8] {
        Self::elements_as_bytes(slice::from_ref(self))
    }
}

impl Serializable for Felt {
    fn write_into<W: ByteWriter>(&self, target: &mut W) {
        target.write_bytes(&self.to_le_bytes());
    }

    fn get_size_hint(&self) -> usize {
        ELEMENT_BYTES
    }
}

impl Deserializable for Felt {
    fn read_from<R: ByteReader>(source: &mut R) -> Result<Self, DeserializationError> {
        let bytes = source.read_array::<ELEMENT_BYTES>()?;
        Self::from_le_bytes_canonical(&bytes).ok_or_else(|| {
            DeserializationError::InvalidValue(
                "invalid field element: value is greater than or equal to the field modulus".to_string(),
            )
        })
    }
}

// CONVERSIONS
// ================================================================================================

impl From<u8> for Felt {
    fn from(value: u8) -> Self {
        Self::from_u64(value as u64)
    }
}

impl From<u16> for Felt {
    fn from(value: u16) -> Self {
        Self::from_u64(value as u64)
    }
}

impl From<u32> for Felt {
    fn from(value: u32) -> Self {
        Self::from_u64(value as u64)
    }
}

/// (Also provides the `TryFrom<u64>` Winterfell requires, with `Error = Infallible`.)
impl From<u64> for Felt {
    fn from(value: u64) -> Self {
        Self::from_u64(value)
    }
}

/// (Also provides the `TryFrom<u128>` Winterfell requires, with `Error = Infallible`.)
impl From<u128> for Felt {
    fn from(value: u128) -> Self {
        Self::from_u128(value)
    }
}

impl From<bool> for Felt {
    fn from(value: bool) -> Self {
        if value {
            Self::ONE
        } else {
            Self::ZERO
        }
    }
}

impl TryFrom<&[u8]> for Felt {
    type Error = DeserializationError;

    /// Decodes exactly 32 canonical little-endian bytes; errors on another length or a value ≥ p.
    fn try_from(bytes: &[u8]) -> Result<Self, Self::Error> {
        let bytes: &[u8; ELEMENT_BYTES] = bytes.try_into().map_err(|_| {
            DeserializationError::InvalidValue(format!(
                "a field element needs {ELEMENT_BYTES} bytes, got {}",
                bytes.len()
            ))
        })?;
        Self::from_le_bytes_canonical(bytes).ok_or_else(|| {
            DeserializationError::InvalidValue(
                "cannot convert bytes into a field element: value is greater than or equal to the \
                 field modulus"
                    .to_string(),
            )
        })
    }
}

impl fmt::Display for Felt {
    /// The canonical value in decimal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Felt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::LowerHex for Felt {
    /// The canonical value in hex (`0x`-prefixed with `{:#x}`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::LowerHex::fmt(&self.to_int(), f)
    }
}

// SERDE
// ================================================================================================

/// Human-readable formats (JSON): a `0x`-prefixed lowercase hex string, like the values of
/// Stone/cairo-vm public-input JSON. Binary formats: the 32 canonical little-endian bytes.
/// Deserialization rejects values ≥ p.
impl serde::Serialize for Felt {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(&format_args!("{self:#x}"))
        } else {
            serializer.serialize_bytes(&self.to_le_bytes())
        }
    }
}

impl<'de> serde::Deserialize<'de> for Felt {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FeltVisitor;

        impl serde::de::Visitor<'_> for FeltVisitor {
            type Value = Felt;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Stark-252 field element: a hex string or 32 little-endian bytes, < p")
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Felt, E> {
                Felt::from_hex(s).ok_or_else(|| E::custom(format_args!("invalid field element {s:?}")))
            }

            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Felt, E> {
                Felt::try_from(bytes).map_err(E::custom)
            }
        }

        if deserializer.is_human_readable() {
            deserializer.deserialize_str(FeltVisitor)
        } else {
            deserializer.deserialize_bytes(FeltVisitor)
        }
    }
}

// OPERATORS
// ================================================================================================

impl Add for Felt {
    type Output = Self;
    #[inline(always)]
    fn add(self, rhs: Self) -> Self {
        Felt::from_mont_limbs(mont::add(self.mont_limbs(), rhs.mont_limbs()))
    }
}

impl AddAssign for Felt {
    #[inline(always)]
    fn add_assign(&mut self, rhs: Self) {
        *self = *self + rhs;
    }
}

impl Sub for Felt {
    type Output = Self;
    #[inline(always)]
    fn sub(self, rhs: Self) -> Self {
        Felt::from_mont_limbs(mont::sub(self.mont_limbs(), rhs.mont_limbs()))
    }
}

impl SubAssign for Felt {
    #[inline(always)]
    fn sub_assign(&mut self, rhs: Self) {
        *self = *self - rhs;
    }
}

impl Mul for Felt {
    type Output = Self;
    #[inline(always)]
    fn mul(self, rhs: Self) -> Self {
        Felt::from_mont_limbs(mont::mul(self.mont_limbs(), rhs.mont_limbs()))
    }
}

impl MulAssign for Felt {
    #[inline(always)]
    fn mul_assign(&mut self, rhs: Self) {
        *self = *self * rhs;
    }
}

/// Division by zero yields zero (Winterfell's `inv(0) = 0` convention), it does not panic.
impl Div for Felt {
    type Output = Self;
    #[inline]
    #[allow(clippy::suspicious_arithmetic_impl)]
    fn div(self, rhs: Self) -> Self {
        self * rhs.inv()
    }
}

impl DivAssign for Felt {
    #[inline]
    fn div_assign(&mut self, rhs: Self) {
        *self = *self / rhs;
    }
}

impl Neg for Felt {
    type Output = Self;
    #[inline(always)]
    fn neg(self) -> Self {
        Felt::from_mont_limbs(mont::neg(self.mont_limbs()))
    }
}

impl Sum for Felt {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, |acc, x| acc + x)
    }
}

impl Product for Felt {
    fn product<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ONE, |acc, x| acc * x)
    }
}
