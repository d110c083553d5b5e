//! The fact an inference is accepted under (starknet/README.md):
//! H(program_hash, input_hash, output_hash) with H = Poseidon over the span,
//! input_hash / output_hash = Poseidon over the input / output felt252 cells.

use core::poseidon::poseidon_hash_span;

/// Poseidon over the cells of an input or output tensor list.
pub fn cells_hash(cells: Span<felt252>) -> felt252 {
    poseidon_hash_span(cells)
}

/// The fact that `program_hash` maps the input with `input_hash` to the output
/// with `output_hash`.
pub fn inference_fact(program_hash: felt252, input_hash: felt252, output_hash: felt252) -> felt252 {
    poseidon_hash_span([program_hash, input_hash, output_hash].span())
}
