//! cairn-prover: STARK proofs of Cairo executions with Winterfell 0.13, over
//! the Stark-252 field (the field Cairo computes in). It links neither the
//! Cairo compiler nor the Cairo VM: runs arrive as [`trace::ExecutionInput`]
//! (cairn-cairo's adapter makes them), and verifying needs nothing else.
//!
//! * [`field`] — the Stark-252 field as a Winterfell field;
//! * [`hash`] — the program hash a proof names its program by;
//! * [`trace`] — the execution trace of the AIR; [`air`], [`constraints`],
//!   [`layout`] — the AIR of cairo-air.md; [`checker`] — an independent
//!   constraint checker;
//! * [`proof`] — the proof format, `prove` and `verify`; [`params`] — proof
//!   options; [`wire`] — the bounded check of a proof's STARK bytes that runs
//!   before Winterfell decodes them.

pub mod air;
pub mod checker;
pub mod constraints;
pub mod decode;
pub mod field;
pub mod hash;
pub mod layout;
pub mod lde;
pub mod params;
pub mod proof;
pub mod prover;
pub mod public_input;
#[cfg(any(test, feature = "test-utils"))]
pub mod testing;
pub mod trace;
pub mod wire;

/// Merkle-tree and Fiat–Shamir hash (Blake3; cairo-air.md §2.10).
pub type HashFn = winterfell::crypto::hashers::Blake3_256<field::Felt>;
