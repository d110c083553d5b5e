//! The proof format and the prove / verify entry points.
//!
//! A proof file is `CAIRNPRF` (8 bytes), a u32 little-endian header length, a
//! JSON header, then Winterfell's proof bytes. The header is self-describing:
//! format version, AIR, hash, proof options, the conjectured security level,
//! the public input (program, registers, segments, output, rc bounds) and the
//! program hash. The program's bytecode may be left out ([`omit_program`]):
//! it is most of a proof's size, and a verifier that holds the package has
//! it already and passes it to [`verify_with_program`]. `verify` trusts none
//! of it: it bounds the file's size, walks
//! the STARK bytes with a bounded reader before Winterfell decodes them
//! ([`crate::wire`]), re-validates the public input, recomputes the program
//! hash, checks the security level and runs the STARK verifier, returning the
//! program hash and the outputs only if all succeed. No byte string makes it
//! panic or allocate more than the file's size justifies.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use winterfell::crypto::{DefaultRandomCoin, MerkleTree};
use winterfell::{AcceptableOptions, Proof, Prover, Trace};

use crate::air::CairoAir;
use crate::field::Felt;
pub use crate::params::{conjectured_bits, Params, ParamsError, ProofShape};
#[cfg(any(test, feature = "test-utils"))]
use crate::prover::AuxForgery;
use crate::prover::{CairoProver, WinterTrace};
use crate::public_input::{PublicInput, PublicInputError, AIR_VERSION, LAYOUT};
use crate::trace::CairoTrace;
use crate::wire::{self, WireError};
use crate::HashFn;

pub const MAGIC: &[u8; 8] = b"CAIRNPRF";
pub const FORMAT_VERSION: u32 = 1;
pub const HASH_NAME: &str = "blake3-256";
/// Default minimum conjectured security of new proofs and of `verify`.
pub const DEFAULT_SECURITY_BITS: u32 = 96;
/// `verify` refuses to be asked for less than this many bits: a proof at a
/// few dozen bits can be forged with ordinary computing power. Only
/// [`verify_allowing_weak_security`] goes below (tests of the verifier
/// itself use cheap proofs).
pub const SECURITY_FLOOR_BITS: u32 = 80;
/// The largest proof file cairn reads (64 MiB). The bundled CNN's proof is
/// 0.6 MB; about half of a proof is the program's bytecode in the header, so
/// this admits programs of about a million words.
pub const MAX_PROOF_BYTES: usize = 64 << 20;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub format_version: u32,
    pub air: String,
    pub air_version: u64,
    pub hash: String,
    pub params: Params,
    pub security_bits: u32,
    pub trace_length: usize,
    /// Poseidon hash of the program's bytecode (hex); recomputed by `verify`.
    pub program_hash: String,
    /// True when `public_input.program` was left out of the file: the
    /// verifier must supply the bytecode ([`verify_with_program`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub program_omitted: bool,
    pub public_input: PublicInput,
    /// Free-form description of the program and its I/O (cairn puts the model
    /// package's manifest here, to show outputs as reals). NOT verified: only
    /// the program hash and the output cells are; a verifier that cares checks
    /// the hash against a package it trusts.
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub annotation: serde_json::Value,
}

#[derive(Debug, Error)]
pub enum ProveError {
    #[error("the requested parameters give only {got} bits of conjectured security, below the {want} requested")]
    Security { got: u32, want: u32 },
    #[error("invalid proof parameters")]
    Params(#[from] ParamsError),
    #[error("proving failed: {0}")]
    Winterfell(String),
}

#[derive(Debug, Error)]
pub enum VerifyError {
    #[error("not a cairn proof (bad magic bytes)")]
    NotAProof,
    #[error("the file is {size} bytes; cairn reads proofs of at most {MAX_PROOF_BYTES} bytes")]
    TooLarge { size: u64 },
    #[error("the proof is truncated or corrupt: {0}")]
    Corrupt(String),
    #[error("the STARK proof is malformed")]
    Malformed(#[from] WireError),
    #[error("unsupported proof format version {0} (this cairn reads version {FORMAT_VERSION})")]
    Version(u32),
    #[error("the proof is for another AIR ({0})")]
    OtherAir(String),
    #[error("invalid public input")]
    PublicInput(#[from] PublicInputError),
    #[error(
        "refusing to accept proofs below {SECURITY_FLOOR_BITS} bits of security ({requested} requested): such proofs can be forged"
    )]
    WeakRequirement { requested: u32 },
    #[error("the proof's security is {got} bits, below the required {want}")]
    Security { got: u32, want: u32 },
    #[error("program hash mismatch: the proof is for {got}, expected {want}")]
    ProgramHash { got: String, want: String },
    #[error(
        "the proof leaves out the bytecode of its program ({hash}): verify it against the package that holds the program (`--model`); proofs for verifiers that know only the program hash are made with `--embed-program` (`embed_program=True` in Python)"
    )]
    ProgramMissing { hash: String },
    #[error("the STARK proof is invalid: {0}")]
    Invalid(String),
}

/// A verified claim: this program produced this output.
#[derive(Clone, Debug, PartialEq)]
pub struct Verified {
    pub program_hash: Felt,
    pub output: Vec<Felt>,
    pub security_bits: u32,
    pub trace_length: usize,
    /// The proof's unverified annotation ([`Header::annotation`]).
    pub annotation: serde_json::Value,
}

/// The program hash of a public input: Poseidon over the bytecode words.
pub fn program_hash(pi: &PublicInput) -> Felt {
    let words: Vec<_> = pi.program.iter().map(|f| f.to_starknet()).collect();
    Felt::from_starknet(&crate::hash::program_hash(&words))
}

pub fn hex(f: &Felt) -> String {
    format!("{:#x}", f.to_starknet())
}

/// Proves a trace; returns the proof file bytes and its header.
pub fn prove(trace: CairoTrace, params: Params, min_security: u32) -> Result<(Vec<u8>, Header), ProveError> {
    prove_annotated(trace, params, min_security, serde_json::Value::Null)
}

/// [`prove`], with an unverified [`Header::annotation`] stored in the proof.
pub fn prove_annotated(
    trace: CairoTrace,
    params: Params,
    min_security: u32,
    annotation: serde_json::Value,
) -> Result<(Vec<u8>, Header), ProveError> {
    params.validate()?;
    prove_with(CairoProver::new(params.options()), WinterTrace::new(trace), params, min_security, annotation)
}

/// A proof of whatever trace and public input it is given, by a possibly
/// malicious prover: for the tamper tests, which must see `verify` reject
/// such proofs.
#[cfg(any(test, feature = "test-utils"))]
pub fn prove_unchecked(
    columns: Vec<Vec<Felt>>,
    pi: PublicInput,
    params: Params,
    forgery: AuxForgery,
) -> Result<Vec<u8>, ProveError> {
    params.validate()?;
    let prover = CairoProver::malicious(params.options(), forgery);
    Ok(prove_with(prover, WinterTrace::from_columns(columns, pi), params, 0, serde_json::Value::Null)?.0)
}

fn prove_with(
    prover: CairoProver,
    trace: WinterTrace,
    params: Params,
    min_security: u32,
    annotation: serde_json::Value,
) -> Result<(Vec<u8>, Header), ProveError> {
    let pi = trace.public_input.clone();
    let trace_length = trace.info().length();
    let proof = prover.prove(trace).map_err(|e| ProveError::Winterfell(e.to_string()))?;
    let security_bits = proof.conjectured_security::<HashFn>().bits();
    if security_bits < min_security {
        return Err(ProveError::Security { got: security_bits, want: min_security });
    }
    let header = Header {
        format_version: FORMAT_VERSION,
        air: LAYOUT.to_string(),
        air_version: AIR_VERSION,
        hash: HASH_NAME.to_string(),
        params,
        security_bits,
        trace_length,
        program_hash: hex(&program_hash(&pi)),
        program_omitted: false,
        public_input: pi,
        annotation,
    };
    let out = assemble(&header, &proof.to_bytes()).map_err(ProveError::Winterfell)?;
    Ok((out, header))
}

/// A proof file: magic, header length, JSON header, STARK bytes.
fn assemble(header: &Header, stark: &[u8]) -> Result<Vec<u8>, String> {
    let json = serde_json::to_vec(header).map_err(|e| format!("header: {e}"))?;
    let mut out = Vec::with_capacity(12 + json.len() + stark.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(&json);
    out.extend_from_slice(stark);
    Ok(out)
}

/// The same proof without its program's bytecode (most of a proof file: 350
/// of the bundled CNN's 545 KB). Nothing proven is lost: the program hash
/// stays in the header, and [`verify_with_program`] puts the verifier's own
/// copy of the bytecode back into the public input before checking the
/// STARK, whose transcript commits to it. Deterministic, so proofs of one
/// run stay byte-identical. A proof already without it is returned as is.
pub fn omit_program(bytes: &[u8]) -> Result<(Vec<u8>, Header), VerifyError> {
    let (mut header, stark) = parse_header(bytes)?;
    if !header.program_omitted {
        header.program_omitted = true;
        header.public_input.program = Vec::new();
    }
    let out = assemble(&header, stark).map_err(VerifyError::Corrupt)?;
    Ok((out, header))
}

/// The header of a proof file, and its STARK bytes unchecked: what a reader
/// needs to look at or rewrite the header without decoding the proof.
pub fn parse_header(bytes: &[u8]) -> Result<(Header, &[u8]), VerifyError> {
    if bytes.len() > MAX_PROOF_BYTES {
        return Err(VerifyError::TooLarge { size: bytes.len() as u64 });
    }
    if bytes.len() < 12 || &bytes[..8] != MAGIC {
        return Err(VerifyError::NotAProof);
    }
    let len = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize;
    let body = &bytes[12..];
    if body.len() < len {
        return Err(VerifyError::Corrupt(format!("header of {len} bytes, only {} present", body.len())));
    }
    let header: Header =
        serde_json::from_slice(&body[..len]).map_err(|e| VerifyError::Corrupt(format!("header: {e}")))?;
    if header.format_version != FORMAT_VERSION {
        return Err(VerifyError::Version(header.format_version));
    }
    if header.air != LAYOUT || header.air_version != AIR_VERSION || header.hash != HASH_NAME {
        return Err(VerifyError::OtherAir(format!("{} v{} with {}", header.air, header.air_version, header.hash)));
    }
    Ok((header, &body[len..]))
}

/// Splits a proof file into its header and Winterfell proof, checking the
/// STARK bytes' structure before Winterfell decodes them.
pub fn parse(bytes: &[u8]) -> Result<(Header, Proof), VerifyError> {
    let (header, stark) = parse_header(bytes)?;
    // Every length and value Winterfell's decoder and verifier trust is
    // checked here first (see `wire`); after that its decoding allocates no
    // more than the bytes present justify.
    let shape = wire::check(stark)?;
    // The header repeats figures the proof determines; a file whose copies
    // disagree is corrupt (and would mislead anything that displays them).
    if header.params != shape.params || header.trace_length != shape.trace_length {
        return Err(VerifyError::Corrupt("the header disagrees with the proof it carries".into()));
    }
    let proof = Proof::from_bytes(stark).map_err(|e| VerifyError::Corrupt(format!("STARK proof: {e}")))?;
    Ok((header, proof))
}

/// Verifies a proof file: returns the program hash and the outputs when, and
/// only when, the proof is valid at `min_security` bits (at least
/// [`SECURITY_FLOOR_BITS`]) for the public input it carries, and for
/// `expected_hash` if given. Never panics, whatever the bytes.
pub fn verify(bytes: &[u8], expected_hash: Option<&Felt>, min_security: u32) -> Result<Verified, VerifyError> {
    verify_with_program(bytes, None, expected_hash, min_security)
}

/// [`verify`], given the program's bytecode the verifier trusts (from its
/// package). A proof without its bytecode ([`omit_program`]) needs it; a
/// proof that carries bytecode must carry exactly this one.
pub fn verify_with_program(
    bytes: &[u8],
    program: Option<&[Felt]>,
    expected_hash: Option<&Felt>,
    min_security: u32,
) -> Result<Verified, VerifyError> {
    if min_security < SECURITY_FLOOR_BITS {
        return Err(VerifyError::WeakRequirement { requested: min_security });
    }
    verify_with_program_allowing_weak_security(bytes, program, expected_hash, min_security)
}

/// [`verify`] without the [`SECURITY_FLOOR_BITS`] floor. Only for checking
/// the verifier itself with cheap proofs, or for experiments: a proof
/// accepted at, say, 20 bits proves nothing against a determined forger.
pub fn verify_allowing_weak_security(
    bytes: &[u8],
    expected_hash: Option<&Felt>,
    min_security: u32,
) -> Result<Verified, VerifyError> {
    verify_with_program_allowing_weak_security(bytes, None, expected_hash, min_security)
}

/// [`verify_with_program`] without the security floor (see
/// [`verify_allowing_weak_security`]).
pub fn verify_with_program_allowing_weak_security(
    bytes: &[u8],
    program: Option<&[Felt]>,
    expected_hash: Option<&Felt>,
    min_security: u32,
) -> Result<Verified, VerifyError> {
    let (header, proof) = parse(bytes)?;
    let mut pi = header.public_input;
    match (header.program_omitted, program) {
        // A file that says it left the program out must have done so.
        (true, _) if !pi.program.is_empty() => {
            return Err(VerifyError::Corrupt("a proof without its program carries program words".into()))
        }
        (true, None) => return Err(VerifyError::ProgramMissing { hash: header.program_hash }),
        (true, Some(words)) => pi.program = words.to_vec(),
        (false, Some(words)) if pi.program != words => {
            let got = hex(&program_hash(&pi));
            pi.program = words.to_vec();
            return Err(VerifyError::ProgramHash { got, want: hex(&program_hash(&pi)) });
        }
        (false, _) => {}
    }
    pi.validate()?;
    // Safe to compute now: the options and the modulus passed the wire check.
    let security = proof.conjectured_security::<HashFn>().bits();
    if security < min_security {
        return Err(VerifyError::Security { got: security, want: min_security });
    }
    let hash = program_hash(&pi);
    if let Some(want) = expected_hash {
        if &hash != want {
            return Err(VerifyError::ProgramHash { got: hex(&hash), want: hex(want) });
        }
    }
    let trace_length = proof.trace_info().length();
    if header.program_omitted && header.program_hash != hex(&hash) {
        // The verifier's program is not the one the proof names.
        return Err(VerifyError::ProgramHash { got: header.program_hash, want: hex(&hash) });
    }
    if header.program_hash != hex(&hash) || header.security_bits != security {
        return Err(VerifyError::Corrupt("the header disagrees with the proof it carries".into()));
    }
    let output = pi.output.clone();
    let annotation = header.annotation;
    let acceptable = AcceptableOptions::MinConjecturedSecurity(min_security);
    // The walk in `parse` and the public-input checks leave Winterfell no
    // input it panics on (the fuzz tests check this with a panic hook);
    // catching an unwind is the last line of defence for a service that
    // verifies untrusted proofs, not the mechanism.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        winterfell::verify::<CairoAir, HashFn, DefaultRandomCoin<HashFn>, MerkleTree<HashFn>>(proof, pi, &acceptable)
    }));
    match result {
        Ok(Ok(())) => Ok(Verified { program_hash: hash, output, security_bits: security, trace_length, annotation }),
        Ok(Err(e)) => Err(VerifyError::Invalid(e.to_string())),
        Err(_) => Err(VerifyError::Invalid("the verifier rejected a malformed proof".into())),
    }
}
