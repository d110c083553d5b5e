//! Test utilities, behind the `test-utils` feature: hand-assembled programs
//! ([`synthetic`]), relabelled runs a malicious prover would commit
//! ([`forgery`]), and the STARK check without the public-input checks, which
//! shows that a rejected forgery is stopped by those checks and nothing else.

pub mod forgery;
pub mod synthetic;

use winterfell::crypto::{DefaultRandomCoin, MerkleTree};
use winterfell::AcceptableOptions;

use crate::air::CairoAir;
use crate::proof;
use crate::HashFn;

/// Runs only the STARK verifier on a proof file — no public-input checks,
/// no program hash, any security. `Ok` means the AIR and Fiat–Shamir accept
/// the statement; tests pair it with a `verify` rejection to show which
/// check stops a forgery.
pub fn stark_accepts(bytes: &[u8]) -> Result<(), String> {
    let (header, proof) = proof::parse(bytes).map_err(|e| e.to_string())?;
    winterfell::verify::<CairoAir, HashFn, DefaultRandomCoin<HashFn>, MerkleTree<HashFn>>(
        proof,
        header.public_input,
        &AcceptableOptions::MinConjecturedSecurity(0),
    )
    .map_err(|e| e.to_string())
}
