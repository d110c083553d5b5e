//! The program hash: what a proof, a registry entry and a manifest name a
//! model by. It is Starknet's Poseidon hash (`poseidon_hash_many`, the same
//! function Cairo's `core::poseidon::poseidon_hash_span` computes) over the
//! CASM bytecode words of the compiled executable, in order. Weights are
//! constants in the bytecode, so the hash commits to the model and its scale.

use starknet_types_core::felt::Felt;
use starknet_types_core::hash::{Poseidon, StarkHash};

pub fn program_hash(bytecode: &[Felt]) -> Felt {
    Poseidon::hash_array(bytecode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_depends_on_every_word_and_order() {
        let a = program_hash(&[Felt::from(1u8), Felt::from(2u8)]);
        assert_ne!(a, program_hash(&[Felt::from(2u8), Felt::from(1u8)]));
        assert_ne!(a, program_hash(&[Felt::from(1u8), Felt::from(2u8), Felt::ZERO]));
        assert_eq!(a, program_hash(&[Felt::from(1u8), Felt::from(2u8)]));
    }
}
