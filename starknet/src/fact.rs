//! The fact an inference is accepted under, computed exactly as the contracts
//! do (`contracts/src/fact.cairo`; starknet/README.md).

use starknet_types_core::felt::Felt;
use starknet_types_core::hash::{Poseidon, StarkHash};

/// Poseidon over the felt252 cells of an input or output (Cairo's
/// `poseidon_hash_span`).
pub fn cells_hash(cells: &[Felt]) -> Felt {
    Poseidon::hash_array(cells)
}

/// H(program_hash, input_hash, output_hash): the fact a fact registry must
/// hold for the marketplace to accept an output.
pub fn inference_fact(program_hash: Felt, input_hash: Felt, output_hash: Felt) -> Felt {
    Poseidon::hash_array(&[program_hash, input_hash, output_hash])
}

/// Poseidon over `[n, rank_1, dims_1…, …, rank_n, dims_n…]`: the shapes of a
/// model's inputs (or outputs) in graph order, as the registry records them.
pub fn shapes_hash(shapes: &[Vec<usize>]) -> Felt {
    let mut cells = vec![Felt::from(shapes.len())];
    for shape in shapes {
        cells.push(Felt::from(shape.len()));
        cells.extend(shape.iter().map(|&d| Felt::from(d)));
    }
    Poseidon::hash_array(&cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vector of the Cairo test `fact_is_poseidon_of_program_input_output`:
    /// the client and the contracts agree.
    #[test]
    fn matches_the_contracts() {
        let input_hash = cells_hash(&[Felt::from(1), Felt::from(2), Felt::from(3)]);
        let output_hash = cells_hash(&[-Felt::ONE, Felt::from(65536)]);
        let fact = inference_fact(Felt::from_hex_unchecked("0x0123456789abcdef"), input_hash, output_hash);
        assert_eq!(
            input_hash,
            Felt::from_hex_unchecked("0x2f0d8840bcf3bc629598d8a6cc80cb7c0d9e52d93dab244bbf9cd0dca0ad082")
        );
        assert_eq!(
            output_hash,
            Felt::from_hex_unchecked("0x2a0719bbaaef6102a1ce61d2f75ff5e840a8e927194604ff0041ab02d98a6d")
        );
        assert_eq!(fact, Felt::from_hex_unchecked("0x218bcb069890c09e4ac86ef99ba99e54aef38088bdf6c4a87f61490cc11048"));
    }

    #[test]
    fn shapes_hash_encodes_count_ranks_and_dims() {
        let cells = [1, 2, 1, 10].map(Felt::from);
        assert_eq!(shapes_hash(&[vec![1, 10]]), Poseidon::hash_array(&cells));
        // A rank boundary moved is another hash: [[1], [10]] vs [[1, 10]].
        assert_ne!(shapes_hash(&[vec![1], vec![10]]), shapes_hash(&[vec![1, 10]]));
    }
}
