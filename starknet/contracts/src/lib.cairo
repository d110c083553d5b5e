//! cairn's Starknet contracts.
//!
//! * `registry::ModelRegistry`: models, their versions (each bound to the hash
//!   of its compiled program), ownership and price;
//! * `marketplace::Marketplace`: paid inference requests held in escrow,
//!   released against a valid fact, refunded after a deadline;
//! * `facts::FactRegistry`: v1 of the fact-registry interface — facts attested
//!   by owner-approved verifiers;
//! * `test_token::TestToken`: a minimal ERC-20 for tests and local devnets.

pub mod facts;
pub mod fact;
pub mod interfaces;
pub mod marketplace;
pub mod registry;
pub mod test_token;

#[cfg(test)]
mod tests;
