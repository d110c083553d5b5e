//! Verifying a proof of an inference, against the program a user trusts, and
//! reading its proven cells as the model's outputs and inputs.

use std::path::PathBuf;

use cairn_cairo::Felt;
use cairn_prover::field::Felt as ProverFelt;
use cairn_prover::proof::{self, Verified, DEFAULT_SECURITY_BITS};
use cairn_transpiler::codegen::Manifest;
use cairn_transpiler::io::{decode_io, DecodedIo};

use crate::package::Package;
use crate::{Error, Result};

/// What a proof must be about.
#[derive(Clone, Debug, Default)]
pub struct Expected {
    program_hash: Option<Felt>,
    package: Option<Package>,
}

impl Expected {
    /// Any program: the proof is checked, but proves nothing about a model
    /// the caller trusts.
    pub fn anything() -> Expected {
        Expected::default()
    }

    /// The program with this hash.
    pub fn program_hash(hash: Felt) -> Expected {
        Expected { program_hash: Some(hash), package: None }
    }

    /// The compiled program of this package; its manifest reads the outputs.
    pub fn package(package: Package) -> Result<Expected> {
        let hash = package.program_hash()?.ok_or_else(|| Error::NotCompiled { path: package.dir().to_owned() })?;
        Ok(Expected { program_hash: Some(hash), package: Some(package) })
    }

    /// Adds a program hash that must agree with the package's, if any.
    pub fn with_program_hash(mut self, hash: Felt) -> Result<Expected> {
        if let (Some(p), Some(h)) = (&self.package, self.program_hash) {
            if h != hash {
                return Err(Error::HashDisagrees { given: hash, package: h, path: p.dir().to_owned() });
            }
        }
        self.program_hash = Some(hash);
        Ok(self)
    }

    pub fn expected_hash(&self) -> Option<Felt> {
        self.program_hash
    }

    pub fn expected_package(&self) -> Option<&Package> {
        self.package.as_ref()
    }
}

/// How much security a verifier insists on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifyPolicy {
    /// Minimum conjectured security, bits.
    pub min_security: u32,
    /// Accept `min_security` below the 80-bit floor (experiments only).
    pub accept_weak: bool,
}

impl Default for VerifyPolicy {
    fn default() -> Self {
        VerifyPolicy { min_security: DEFAULT_SECURITY_BITS, accept_weak: false }
    }
}

/// Whose manifest read the proven cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IoSource {
    /// The package the caller gave: trusted.
    Package(PathBuf),
    /// The manifest the proof carries: not verified by anything.
    Annotation,
}

/// A verified proof, with its cells read as tensors when a manifest fits.
#[derive(Clone, Debug)]
pub struct VerifiedInference {
    pub proof: Verified,
    pub io: Option<DecodedIo>,
    pub io_source: Option<IoSource>,
}

/// Verifies proof bytes: valid at the policy's security, for the expected
/// program. Never panics on any byte string.
pub fn verify(bytes: &[u8], expected: &Expected, policy: VerifyPolicy) -> Result<VerifiedInference> {
    let hash = expected.program_hash.as_ref().map(ProverFelt::from_starknet);
    let program = match &expected.package {
        Some(p) if leaves_out_program(bytes) => Some(package_bytecode(p)?),
        _ => None,
    };
    let program = program.as_deref();
    let proof = if policy.accept_weak && policy.min_security < proof::SECURITY_FLOOR_BITS {
        proof::verify_with_program_allowing_weak_security(bytes, program, hash.as_ref(), policy.min_security)?
    } else {
        proof::verify_with_program(bytes, program, hash.as_ref(), policy.min_security)?
    };
    let cells: Vec<Felt> = proof.output.iter().map(ProverFelt::to_starknet).collect();
    let (io, io_source) = match &expected.package {
        // Against the caller's own package a mismatch is a real error.
        Some(p) => {
            let io = decode_io(p.manifest(), &cells).map_err(Error::OutputMismatch)?;
            (Some(io), Some(IoSource::Package(p.dir().to_owned())))
        }
        // An annotation that does not fit is just not used.
        None => match serde_json::from_value::<Manifest>(proof.annotation.clone()) {
            Ok(m) => match decode_io(&m, &cells) {
                Ok(io) => (Some(io), Some(IoSource::Annotation)),
                Err(_) => (None, None),
            },
            Err(_) => (None, None),
        },
    };
    Ok(VerifiedInference { proof, io, io_source })
}

/// Whether a proof file says it left its program's bytecode out (a file
/// that does not parse is left to `verify` to reject).
fn leaves_out_program(bytes: &[u8]) -> bool {
    proof::parse_header(bytes).map(|(header, _)| header.program_omitted).unwrap_or(false)
}

/// The bytecode of a package's compiled program (its `program.json`, or a
/// compile when that is missing or stale), as the prover's field elements:
/// `verify` hashes it and checks the hash against the package's and the
/// proof's.
fn package_bytecode(package: &Package) -> Result<Vec<ProverFelt>> {
    Ok(package.bytecode()?.iter().map(ProverFelt::from_starknet).collect())
}
