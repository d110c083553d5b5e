//! Proofs without their program's bytecode (issue 14, proof size): the
//! verifier puts back the bytecode of the package it trusts. Nothing false may
//! pass: a forger who strips the bytecode and names another program, a file
//! that says its program is out but still carries words, or a verifier's
//! program that differs from the one a proof carries, are all rejected.

mod support;

use cairn_prover::field::Felt;
use cairn_prover::proof::{self, VerifyError, DEFAULT_SECURITY_BITS};
use cairn_prover::public_input::PublicInput;
use support::tamper::{fib_proof, join, split};

const BITS: u32 = DEFAULT_SECURITY_BITS;

/// The public input of a proof that carries its program.
fn public_input(bytes: &[u8]) -> PublicInput {
    proof::parse(bytes).expect("parses").0.public_input
}

/// The bytecode with its last word changed: another program, the same shape
/// (the entry code and the segments still pass the public-input checks).
fn another_program(words: &[Felt]) -> Vec<Felt> {
    let mut other = words.to_vec();
    let last = other.len() - 1;
    other[last] += Felt::ONE;
    other
}

fn hash_of(pi: &PublicInput, words: &[Felt]) -> Felt {
    let mut pi = pi.clone();
    pi.program = words.to_vec();
    proof::program_hash(&pi)
}

#[test]
fn a_proof_without_its_program_verifies_with_the_bytecode_and_only_with_it() {
    let full = fib_proof();
    let pi = public_input(full);
    let words = pi.program.clone();
    let (slim, header) = proof::omit_program(full).expect("strips");
    assert!(header.program_omitted && header.public_input.program.is_empty());
    eprintln!("fib proof: {} bytes with its program, {} without", full.len(), slim.len());
    assert!(slim.len() < full.len());
    assert_eq!(proof::omit_program(full).expect("strips").0, slim, "deterministic");
    assert_eq!(proof::omit_program(&slim).expect("strips").0, slim, "idempotent");

    let honest = proof::verify(full, None, BITS).expect("the full proof verifies");
    let v = proof::verify_with_program(&slim, Some(&words), Some(&honest.program_hash), BITS).expect("verifies");
    assert_eq!((v.program_hash, &v.output), (honest.program_hash, &honest.output), "the same statement");

    // Without the bytecode there is nothing to check the STARK against.
    for expected in [None, Some(&honest.program_hash)] {
        match proof::verify(&slim, expected, BITS) {
            Err(VerifyError::ProgramMissing { hash }) => assert_eq!(hash, proof::hex(&honest.program_hash)),
            other => panic!("expected ProgramMissing, got {other:?}"),
        }
    }
    // Another program's bytecode is not this proof's.
    let other = another_program(&words);
    assert!(matches!(
        proof::verify_with_program(&slim, Some(&other), None, BITS),
        Err(VerifyError::ProgramHash { .. })
    ));
    // A proof that carries its program must carry the verifier's.
    assert!(matches!(proof::verify_with_program(full, Some(&other), None, BITS), Err(VerifyError::ProgramHash { .. })));
    proof::verify_with_program(full, Some(&words), None, BITS).expect("the same program: accepted");
}

#[test]
fn a_forger_who_strips_the_program_and_names_another_is_rejected_by_the_stark() {
    let full = fib_proof();
    let pi = public_input(full);
    let other = another_program(&pi.program);
    let other_hash = hash_of(&pi, &other);
    let (slim, _) = proof::omit_program(full).expect("strips");
    let (mut header, stark) = split(&slim);
    header["program_hash"] = serde_json::json!(proof::hex(&other_hash));
    let forged = join(&header, &stark);
    // Everything the header says agrees with the verifier's program; only the
    // STARK, whose transcript and memory argument bind the program it ran, can
    // tell.
    match proof::verify_with_program(&forged, Some(&other), Some(&other_hash), BITS) {
        Err(VerifyError::Invalid(_)) => {}
        other => panic!("expected an invalid STARK proof, got {other:?}"),
    }
}

#[test]
fn a_file_that_says_its_program_is_out_but_carries_words_is_corrupt() {
    let full = fib_proof();
    let words = public_input(full).program;
    let (mut header, stark) = split(full);
    header["program_omitted"] = serde_json::json!(true);
    let mixed = join(&header, &stark);
    match proof::verify_with_program(&mixed, Some(&words), None, BITS) {
        Err(VerifyError::Corrupt(why)) => assert!(why.contains("carries program words"), "{why}"),
        other => panic!("expected a corrupt file, got {other:?}"),
    }
}
