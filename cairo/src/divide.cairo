//! Division of a u128 by a divisor of at most 2^123, about 3 Cairo steps
//! and one range check fewer than `DivRem` on u128 (docs/cairo-codegen.md,
//! "Small divisors").
//!
//! Every rounding in this library divides by a small constant (2^s, a
//! lane width, a table's segment length). u128's `DivRem` compiles to
//! Sierra's general u128 division, which must allow any u128 divisor: it
//! proves (q + 1) b <= p by a hint-guided branch and an extra range check,
//! and is a function call. Sierra's `bounded_int_div_rem` specialised to a
//! divisor of at most 2^123 ("KnownSmallRhs") needs neither: b <= 2^123 and
//! q < 2^128 (range-checked) already give q b + r < 2^251 < p. It checks
//! 0 <= r < b and q < 2^128 with three range-check cells and a = q b + r
//! with two assertions, inline.
//!
//! The corelib declares these libfuncs but keeps the `BoundedInt` type
//! crate-private ("improper usage is likely to cause compiler crashes"),
//! so this module declares the extern type and the libfuncs it uses
//! itself. Sierra identifies types and libfuncs by name and generic
//! arguments, and the Sierra-to-CASM compiler computes each libfunc's
//! signature from those arguments and rejects a declaration that does not
//! match it: the soundness is the libfunc's, as for every corelib integer
//! operation. Only the one instantiation below is used.

/// An integer in [MIN, MAX] (Sierra's `BoundedInt`).
extern type BoundedInt<const MIN: felt252, const MAX: felt252>;
impl BoundedIntCopy<const MIN: felt252, const MAX: felt252> of Copy<BoundedInt<MIN, MAX>>;
impl BoundedIntDrop<const MIN: felt252, const MAX: felt252> of Drop<BoundedInt<MIN, MAX>>;

/// A value of a range contained in the target's (free).
extern fn upcast<FromType, ToType>(x: FromType) -> ToType nopanic;
/// A value if it lies in the target's range.
extern fn downcast<FromType, ToType>(x: FromType) -> Option<ToType> implicits(core::RangeCheck) nopanic;

/// `bounded_int_is_zero`'s two branches.
enum IsZero<T> {
    Zero,
    NonZero: NonZero<T>,
}
extern fn bounded_int_is_zero<T>(value: T) -> IsZero<T> implicits() nopanic;
extern fn unwrap_non_zero<T>(a: NonZero<T>) -> T nopanic;

/// The result types of a bounded division, which Sierra derives from the
/// operands' ranges (q <= max(a) / max(min(b), 1), r < max(b)).
trait DivRemHelper<Lhs, Rhs> {
    type DivT;
    type RemT;
}
extern fn bounded_int_div_rem<Lhs, Rhs, impl H: DivRemHelper<Lhs, Rhs>>(
    lhs: Lhs, rhs: NonZero<Rhs>,
) -> (H::DivT, H::RemT) implicits(core::RangeCheck) nopanic;

/// 2^123: the largest divisor with (divisor + 1) * 2^128 < p.
const DIVISOR_MAX: felt252 = 0x8000000000000000000000000000000;

type SmallRange = BoundedInt<0, 0x8000000000000000000000000000000>;
type U128Range = BoundedInt<0, 0xffffffffffffffffffffffffffffffff>;

impl U128BySmall of DivRemHelper<u128, SmallRange> {
    type DivT = U128Range;
    type RemT = BoundedInt<0, 0x7ffffffffffffffffffffffffffffff>;
}

/// A divisor in [1, 2^123], checked once when it is made.
#[derive(Copy, Drop)]
pub struct Divisor {
    d: NonZero<SmallRange>,
}

/// `d` as a [`Divisor`]; panics unless 1 <= d <= 2^123.
pub fn divisor(d: u128) -> Divisor {
    let Option::Some(b) = downcast::<u128, SmallRange>(d) else {
        panic!("divisor above 2^123")
    };
    match bounded_int_is_zero(b) {
        IsZero::Zero => panic!("division by zero"),
        IsZero::NonZero(nz) => Divisor { d: nz },
    }
}

impl DivisorPartialEq of PartialEq<Divisor> {
    fn eq(lhs: @Divisor, rhs: @Divisor) -> bool {
        value(*lhs) == value(*rhs)
    }
}

impl DivisorDebug of core::fmt::Debug<Divisor> {
    fn fmt(self: @Divisor, ref f: core::fmt::Formatter) -> Result<(), core::fmt::Error> {
        core::fmt::Debug::fmt(@value(*self), ref f)
    }
}

/// The divisor as a felt252.
pub fn value(d: Divisor) -> felt252 {
    upcast(unwrap_non_zero(d.d))
}

/// (floor(a / d), a mod d).
#[inline(always)]
pub fn div_rem(a: u128, d: Divisor) -> (u128, u128) {
    let (q, r) = bounded_int_div_rem::<u128, SmallRange, U128BySmall>(a, d.d);
    (upcast(q), upcast(r))
}

/// floor(a / d).
#[inline(always)]
pub fn div(a: u128, d: Divisor) -> u128 {
    let (q, _) = bounded_int_div_rem::<u128, SmallRange, U128BySmall>(a, d.d);
    upcast(q)
}

/// A u128 divisor of either kind: a [`Divisor`], or any `NonZero<u128>`
/// (through u128 `DivRem`), so that one generic routine such as
/// `fixed::div_floor` serves both.
pub trait DividesU128<D> {
    fn div_rem_u128(a: u128, d: D) -> (u128, u128);
}

impl DivisorDividesU128 of DividesU128<Divisor> {
    #[inline(always)]
    fn div_rem_u128(a: u128, d: Divisor) -> (u128, u128) {
        div_rem(a, d)
    }
}

impl NonZeroDividesU128 of DividesU128<NonZero<u128>> {
    #[inline(always)]
    fn div_rem_u128(a: u128, d: NonZero<u128>) -> (u128, u128) {
        DivRem::div_rem(a, d)
    }
}

#[cfg(test)]
mod tests {
    use super::{DIVISOR_MAX, div, div_rem, divisor, value};

    #[test]
    fn matches_u128_div_rem() {
        let ds: Array<u128> = array![1, 2, 3, 7, 0x10000, 0xffff, 0x8000000000000000000000000000000];
        let xs: Array<u128> = array![0, 1, 65535, 65536, 123456789, 0xffffffffffffffffffffffffffffffff];
        for d in ds.span() {
            let b = divisor(*d);
            let nz: NonZero<u128> = (*d).try_into().unwrap();
            for x in xs.span() {
                let (q, r) = div_rem(*x, b);
                let (eq, er) = DivRem::div_rem(*x, nz);
                assert_eq!(q, eq);
                assert_eq!(r, er);
                assert_eq!(div(*x, b), eq);
                assert_eq!(value(b), (*d).into());
            }
        }
    }

    #[test]
    #[should_panic(expected: "division by zero")]
    fn zero_is_refused() {
        divisor(0);
    }

    #[test]
    #[should_panic(expected: "divisor above 2^123")]
    fn large_divisor_is_refused() {
        let d: u128 = (DIVISOR_MAX + 1).try_into().unwrap();
        divisor(d);
    }
}
