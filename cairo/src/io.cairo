//! Program inputs and outputs: the executable receives every input tensor
//! flattened into one Array<felt252> and returns every output the same way.

use crate::arith::{IntRange, check_int};
use crate::fixed::check_i64;

/// Takes the next `n` values of a real input, range-checking each (inputs are
/// untrusted: a value outside [-2^63, 2^63) would break the arithmetic).
pub fn take_real(ref input: Span<felt252>, n: u32) -> Span<felt252> {
    let mut out = array![];
    for _ in 0..n {
        out.append(check_i64(*input.pop_front().expect('input too short')));
    }
    out.span()
}

/// Takes the next `n` values of an integer input of the given range.
pub fn take_int(ref input: Span<felt252>, n: u32, range: IntRange) -> Span<felt252> {
    let mut out = array![];
    for _ in 0..n {
        out.append(check_int(@range, *input.pop_front().expect('input too short')));
    }
    out.span()
}

/// Panics unless every input value was consumed.
pub fn finish_input(input: Span<felt252>) {
    assert(input.len() == 0, 'input too long');
}

/// Appends an output tensor.
pub fn append(ref output: Array<felt252>, values: Span<felt252>) {
    for v in values {
        output.append(*v);
    }
}
