//! The `cairn` command line, run as a user runs it (the binary, in a
//! subprocess): errors, runs on the Cairo VM, proofs and forgeries.

#[path = "../support/mod.rs"]
mod support;

mod bench;
mod cairo;
mod errors;
mod json_schema;
mod prove;
mod self_contained;
mod staged;
