//! cairn-prover: STARK proofs of Cairo executions with Winterfell 0.13, over
//! the Stark-252 field (the field Cairo computes in).
//!
//! * [`field`] — the Stark-252 field as a Winterfell field;
//! * [`adapter`] — a cairo-vm proof-mode run (via cairn-runtime) → [`trace::ExecutionInput`];
//! * [`trace`] — the execution trace of the AIR; [`air`], [`constraints`],
//!   [`layout`] — the AIR of cairo-air.md; [`checker`] — an independent
//!   constraint checker;
//! * [`proof`] — the proof format, `prove` and `verify`.

pub mod adapter;
pub mod air;
pub mod checker;
pub mod constraints;
pub mod decode;
pub mod field;
pub mod layout;
pub mod proof;
pub mod prover;
pub mod public_input;
pub mod trace;

/// Merkle-tree and Fiat–Shamir hash (Blake3; cairo-air.md §2.10).
pub type HashFn = winterfell::crypto::hashers::Blake3_256<field::Felt>;
