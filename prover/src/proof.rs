//! The proof format and the prove / verify entry points.
//!
//! A proof file is `CAIRNPRF` (8 bytes), a u32 little-endian header length, a
//! JSON header, then Winterfell's proof bytes. The header is self-describing:
//! format version, AIR, hash, proof options, the conjectured security level,
//! the public input (program, registers, segments, output, rc bounds) and the
//! program hash. `verify` trusts none of it: it re-validates the public input,
//! recomputes the program hash, checks the security level and runs the STARK
//! verifier, returning the program hash and the outputs only if all succeed.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use winterfell::crypto::{DefaultRandomCoin, MerkleTree};
use winterfell::{AcceptableOptions, BatchingMethod, FieldExtension, Proof, ProofOptions, Prover, Trace};

use crate::air::{shape_is_valid, CairoAir};
use crate::field::Felt;
use crate::prover::{AuxForgery, CairoProver, WinterTrace};
use crate::public_input::{PublicInput, AIR_VERSION, LAYOUT};
use crate::trace::CairoTrace;
use crate::HashFn;

pub const MAGIC: &[u8; 8] = b"CAIRNPRF";
pub const FORMAT_VERSION: u32 = 1;
pub const HASH_NAME: &str = "blake3-256";
/// Default minimum conjectured security of new proofs and of `verify`.
pub const DEFAULT_SECURITY_BITS: u32 = 96;

/// Proof parameters, as recorded in the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub num_queries: usize,
    pub blowup_factor: usize,
    pub grinding_factor: u32,
    pub fri_folding_factor: usize,
    pub fri_remainder_max_degree: usize,
}

impl Params {
    /// Parameters reaching at least `bits` of conjectured security (Winterfell's
    /// estimate for a 252-bit field with Blake3: about queries·log2(blowup) +
    /// grinding, capped by the hash's collision resistance of 128 bits).
    pub fn for_security(bits: u32) -> Params {
        let blowup_factor: usize = 8; // log2 = 3; the AIR's constraints need ≥ 2
                                      // No grinding: with Winterfell's `concurrent` feature the nonce search
                                      // races across threads, so proofs of the same run could differ. A few
                                      // more queries buy the same bits and keep proving deterministic.
        let grinding_factor: u32 = 0;
        // The fewest queries whose estimate reaches `bits` (none beyond the
        // hash's 128 bits: then the most that still count).
        let num_queries = (1..=MAX_QUERIES)
            .find(|&q| conjectured_bits(q, blowup_factor, grinding_factor) >= bits)
            .unwrap_or(MAX_QUERIES);
        Params { num_queries, blowup_factor, grinding_factor, fri_folding_factor: 8, fri_remainder_max_degree: 31 }
    }

    pub fn options(&self) -> ProofOptions {
        ProofOptions::new(
            self.num_queries,
            self.blowup_factor,
            self.grinding_factor,
            FieldExtension::None,
            self.fri_folding_factor,
            self.fri_remainder_max_degree,
            BatchingMethod::Linear,
            BatchingMethod::Linear,
        )
    }
}

/// Winterfell's cap on queries per proof.
const MAX_QUERIES: usize = 255;

/// Winterfell 0.13's conjectured security (`ConjecturedSecurity::compute`,
/// Eq. 19 of eprint 2021/582) for our field and hash: log2(blowup) bits per
/// query, grinding counted only from 80 query bits on, minus one, capped by
/// the 252-bit field and by Blake3-256's 128-bit collision resistance. Used
/// to choose options before proving; the proof's own figure is what counts.
pub fn conjectured_bits(num_queries: usize, blowup_factor: usize, grinding_factor: u32) -> u32 {
    let mut query_bits = blowup_factor.ilog2() * num_queries as u32;
    if query_bits >= 80 {
        query_bits += grinding_factor;
    }
    query_bits.min(252).saturating_sub(1).min(128)
}

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
    #[error("proving failed: {0}")]
    Winterfell(String),
}

#[derive(Debug, Error)]
pub enum VerifyError {
    #[error("not a cairn proof (bad magic bytes)")]
    NotAProof,
    #[error("the proof is truncated or corrupt: {0}")]
    Corrupt(String),
    #[error("unsupported proof format version {0} (this cairn reads version {FORMAT_VERSION})")]
    Version(u32),
    #[error("the proof is for another AIR ({0})")]
    OtherAir(String),
    #[error("invalid public input: {0}")]
    PublicInput(String),
    #[error("the proof's security is {got} bits, below the required {want}")]
    Security { got: u32, want: u32 },
    #[error("program hash mismatch: the proof is for {got}, expected {want}")]
    ProgramHash { got: String, want: String },
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
    Felt::from_starknet(&cairn_runtime::cairo::hash::program_hash(&words))
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
    prove_with(CairoProver::new(params.options()), WinterTrace::new(trace), params, min_security, annotation)
}

/// A proof of whatever trace it is given, by a possibly malicious prover:
/// for the tamper tests, which must see `verify` reject such proofs.
#[doc(hidden)]
pub fn prove_unchecked(
    columns: Vec<Vec<Felt>>,
    pi: PublicInput,
    params: Params,
    forgery: AuxForgery,
) -> Result<Vec<u8>, ProveError> {
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
        public_input: pi,
        annotation,
    };
    let json = serde_json::to_vec(&header).expect("the header serializes");
    let mut out = Vec::with_capacity(12 + json.len() + 1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(&json);
    out.extend_from_slice(&proof.to_bytes());
    Ok((out, header))
}

/// Splits a proof file into its header and Winterfell proof.
pub fn parse(bytes: &[u8]) -> Result<(Header, Proof), VerifyError> {
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
    let stark = &body[len..];
    let proof = Proof::from_bytes(stark).map_err(|e| VerifyError::Corrupt(format!("STARK proof: {e}")))?;
    // Winterfell ignores bytes after the proof; a proof file has none.
    if proof.to_bytes().len() != stark.len() {
        return Err(VerifyError::Corrupt("bytes after the end of the STARK proof".into()));
    }
    Ok((header, proof))
}

/// Verifies a proof file: returns the program hash and the outputs when, and
/// only when, the proof is valid at `min_security` bits for the public input it
/// carries (and for `expected_hash`, if given). Never panics on bad input.
pub fn verify(bytes: &[u8], expected_hash: Option<&Felt>, min_security: u32) -> Result<Verified, VerifyError> {
    let (header, proof) = parse(bytes)?;
    let pi = header.public_input;
    pi.validate().map_err(|e| VerifyError::PublicInput(e.to_string()))?;
    if !shape_is_valid(proof.trace_info()) {
        return Err(VerifyError::Invalid("the proof's trace shape is not this AIR's".into()));
    }
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
    // The header repeats figures the proof determines; a file whose copies
    // disagree is corrupt (and would mislead anything that displays them).
    if header.program_hash != hex(&hash)
        || header.trace_length != trace_length
        || header.security_bits != security
        || header.params.options() != *proof.options()
    {
        return Err(VerifyError::Corrupt("the header disagrees with the proof it carries".into()));
    }
    let output = pi.output.clone();
    let annotation = header.annotation;
    let acceptable = AcceptableOptions::MinConjecturedSecurity(min_security);
    // The verifier must not panic on adversarial proofs; Winterfell's checks
    // are thorough, and this is the last line of defence.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        winterfell::verify::<CairoAir, HashFn, DefaultRandomCoin<HashFn>, MerkleTree<HashFn>>(proof, pi, &acceptable)
    }));
    match result {
        Ok(Ok(())) => Ok(Verified { program_hash: hash, output, security_bits: security, trace_length, annotation }),
        Ok(Err(e)) => Err(VerifyError::Invalid(e.to_string())),
        Err(_) => Err(VerifyError::Invalid("the verifier rejected a malformed proof".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_reach_every_level_up_to_the_hash_cap() {
        for bits in 1..=128 {
            let p = Params::for_security(bits);
            let got = conjectured_bits(p.num_queries, p.blowup_factor, p.grinding_factor);
            assert!(got >= bits, "{bits} requested, {got} estimated with {p:?}");
            if p.num_queries > 1 {
                let fewer = conjectured_bits(p.num_queries - 1, p.blowup_factor, p.grinding_factor);
                assert!(fewer < bits, "{bits}: {} queries would do", p.num_queries - 1);
            }
        }
        assert_eq!(Params::for_security(DEFAULT_SECURITY_BITS).num_queries, 33);
    }
}
