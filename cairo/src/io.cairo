//! Program inputs and outputs: the executable receives every input tensor
//! flattened into one Array<felt252> and returns every output the same way.

use crate::arith::{IntRange, check_int};
use crate::fixed::check_i64;
use crate::ops::elementwise::{Unary, map};

/// Takes the next `n` values of a real input, range-checking each (inputs are
/// untrusted: a value outside [-2^63, 2^63) would break the arithmetic).
pub fn take_real(ref input: Span<felt252>, n: u32) -> Span<felt252> {
    assert(input.len() >= n, 'input too short');
    let values = input.slice(0, n);
    input = input.slice(n, input.len() - n);
    map(values, @RealInput {})
}

#[derive(Drop)]
struct RealInput {}

impl RealInputUnary of Unary<RealInput> {
    #[inline(always)]
    fn apply(self: @RealInput, v: felt252) -> felt252 {
        check_i64(v)
    }
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
    copy(ref output, values);
}

/// The framing of a generated package's `#[executable_raw] main`: the same
/// layout an `#[executable] fn main(Array<felt252>) -> Array<felt252>` has,
/// without the Serde loops over every element. `input` arrives as
/// `[n, values...]`; the length is checked and removed. The output segment
/// starts with its own length, `n_out + n` (outputs, then the inputs echoed).
pub fn open_frame(ref input: Span<felt252>, ref output: Array<felt252>, n_out: u32) {
    let n = *input.pop_front().expect('input too short');
    let len = input.len();
    assert(n == len.into(), 'input length mismatch');
    output.append((n_out + len).into());
}

/// Appends `values` to `output`, eight per loop iteration (~3.4 steps per
/// element; the corelib's `append_span` takes ~8).
pub fn copy(ref output: Array<felt252>, values: Span<felt252>) {
    let mut rest = values;
    while let Option::Some(chunk) = rest.multi_pop_front::<8>() {
        let [v0, v1, v2, v3, v4, v5, v6, v7] = (*chunk).unbox();
        output.append(v0);
        output.append(v1);
        output.append(v2);
        output.append(v3);
        output.append(v4);
        output.append(v5);
        output.append(v6);
        output.append(v7);
    }
    for v in rest {
        output.append(*v);
    }
}
