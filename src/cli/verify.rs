//! `cairn verify`: checks a proof file, against the package or program hash
//! the user trusts, and prints the proven outputs and the bound input.

use std::path::Path;

use anyhow::Result;
use cairn::prover::proof::{self, MAX_PROOF_BYTES};
use cairn::{Expected, Felt, IoSource, Package, VerifiedInference, VerifyPolicy};

use super::commands::{VerifyArgs, VerifySecurityArgs};
use super::failure::UnusableInput;
use super::json::{self, Sample};
use super::render;
use super::reports::VerifyReport;

/// Reads a proof file, refusing files larger than any proof before reading them.
pub fn read_proof_file(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    // A proof file that cannot be read is the caller's to fix; one larger
    // than any proof is not a proof.
    let unreadable = |e: std::io::Error| UnusableInput(format!("reading {}: {e}", path.display()));
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let limit = MAX_PROOF_BYTES as u64;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(anyhow::Error::new(proof::VerifyError::TooLarge { size: bytes.len() as u64 })
            .context(format!("{} is larger than {limit} bytes, the largest proof cairn reads", path.display())));
    }
    Ok(bytes)
}

/// The verifier's policy from the flags: below the floor only with the
/// loudly named flag, and then with a warning.
pub fn policy(security: &VerifySecurityArgs) -> VerifyPolicy {
    let weak = security.security < proof::SECURITY_FLOOR_BITS;
    if weak && security.insecure_accept_weak_proofs {
        eprintln!(
            "WARNING: accepting proofs at {} bits of conjectured security (--insecure-accept-weak-proofs); \
             a proof this weak can be forged and proves nothing to anyone else",
            security.security
        );
    }
    VerifyPolicy { min_security: security.security, accept_weak: security.insecure_accept_weak_proofs }
}

/// What the proof must be about, from `--program-hash` and/or `--model`, and
/// how to say so.
fn expected(args: &VerifyArgs) -> Result<(Expected, Option<String>)> {
    let given = match &args.program_hash {
        Some(h) => Some(
            Felt::from_hex(h.trim())
                .map_err(|_| UnusableInput(format!("--program-hash {h:?} is not a hex field element")))?,
        ),
        None => None,
    };
    let Some(dir) = &args.model else {
        return match given {
            Some(h) => Ok((Expected::program_hash(h), Some("--program-hash".to_string()))),
            None if args.any_program => Ok((Expected::anything(), None)),
            None => Err(UnusableInput(
                "verify needs a trust anchor: --model <dir> (the package you trust) or --program-hash <hash> \
                 (as `cairn transpile` printed it). --any-program accepts a valid proof of any program, which \
                 proves that some computation ran, not which model"
                    .into(),
            )
            .into()),
        };
    };
    let mut expected = Expected::package(Package::open(dir)?)?;
    if let Some(h) = given {
        expected = expected.with_program_hash(h)?;
    }
    Ok((expected, Some(format!("package {}", dir.display()))))
}

pub fn verify(args: VerifyArgs) -> Result<()> {
    let staged_model = args.model.as_deref().is_some_and(cairn::staged::is_staged);
    if staged_model {
        return verify_bundle(args);
    }
    // The trust anchor is checked before the proof is read.
    let (expected, against) = expected(&args)?;
    let bytes = read_proof_file(&args.proof)?;
    if cairn::bundle::is_bundle(&bytes) {
        if args.model.is_some() {
            return Err(UnusableInput(format!(
                "{} is a bundle of stage proofs; --model must then be the staged package it was proven with",
                args.proof.display()
            ))
            .into());
        }
        return verify_bundle(args);
    }
    let v: VerifiedInference = cairn::verify(&bytes, &expected, policy(&args.security)).map_err(|e| {
        // A proof without its bytecode is not invalid: it needs the package.
        let why = match &e {
            cairn::Error::Verify(proof::VerifyError::ProgramMissing { .. }) => "cannot be checked without its program",
            _ => "is not a valid proof",
        };
        anyhow::Error::new(e).context(format!("{} {why}", args.proof.display()))
    })?;
    // Only the package's manifest is trusted to say what the proven cells
    // mean; the proof's own annotation (names, shapes, scale) is the
    // prover's word, reported apart as unverified.
    let decoded: Vec<Sample> = v.io.map(Sample::from).into_iter().collect();
    let (manifest_source, samples, unverified_samples) = match &v.io_source {
        Some(IoSource::Package(_)) => (against.clone(), decoded, Vec::new()),
        Some(IoSource::Annotation) => (None, Vec::new(), decoded),
        None => (None, Vec::new(), Vec::new()),
    };
    let report = VerifyReport {
        valid: true,
        program_hash: proof::hex(&v.proof.program_hash),
        checked_against: against,
        security_bits: v.proof.security_bits,
        trace_rows: v.proof.trace_length,
        output_felts: v.proof.output.iter().map(proof::hex).collect(),
        manifest_source,
        samples,
        unverified_samples,
    };
    if args.json {
        json::print(&report)?;
    } else {
        print!("{}", render::verify_report(&report));
    }
    Ok(())
}

/// A bundle of stage proofs: against a staged package, a model hash
/// (`--program-hash`), or anything (`--any-program`).
fn verify_bundle(args: VerifyArgs) -> Result<()> {
    use cairn::bundle::ExpectedModel;
    if args.json {
        anyhow::bail!("--json is not available for proof bundles yet");
    }
    let given = match &args.program_hash {
        Some(h) => Some(
            Felt::from_hex(h.trim())
                .map_err(|_| UnusableInput(format!("--program-hash {h:?} is not a hex field element")))?,
        ),
        None => None,
    };
    let (expected, against) = match (&args.model, given) {
        (Some(dir), given) => {
            let staged = cairn::StagedPackage::open(dir)?;
            let program = staged.compile()?;
            if let Some(h) = given {
                if h != program.model_hash() {
                    return Err(UnusableInput(format!(
                        "--program-hash {h:#x} is not the model hash of {} ({:#x})",
                        dir.display(),
                        program.model_hash()
                    ))
                    .into());
                }
            }
            (ExpectedModel::Package(program.package().clone()), Some(format!("staged package {}", dir.display())))
        }
        (None, Some(h)) => (ExpectedModel::ModelHash(h), Some("--program-hash (the model hash)".to_string())),
        (None, None) if args.any_program => (ExpectedModel::Anything, None),
        (None, None) => {
            return Err(UnusableInput(
                "verify needs a trust anchor: --model <dir> (the staged package you trust) or --program-hash \
                 <model hash>; --any-program accepts any chain of valid proofs"
                    .into(),
            )
            .into())
        }
    };
    let bytes = read_proof_file(&args.proof)?;
    let v = cairn::bundle::verify_bundle(&bytes, &expected, policy(&args.security))
        .map_err(|e| anyhow::Error::new(e).context(format!("{} is not a valid proof bundle", args.proof.display())))?;
    let bits = v.stages.iter().map(|s| s.security_bits).min().unwrap_or(0);
    println!(
        "valid    yes: {} stage proofs, each of at least {bits} bits of conjectured security, every link intact",
        v.stages.len()
    );
    match &against {
        Some(what) => println!("model    {:#x} (matches {what})", v.model_hash),
        None => println!(
            "model    {:#x} (ANY stage programs accepted: --any-program; this proves a chain of computations ran, not which model)",
            v.model_hash
        ),
    }
    for (i, s) in v.stages.iter().enumerate() {
        println!("stage {i}  program {}, {} trace rows", cairn::prover::proof::hex(&s.program_hash), s.trace_length);
    }
    match v.io {
        Some(io) => {
            if let Some(src) = &against {
                println!("reading the proven cells with the manifests of {src}");
            }
            print!("{}", render::proven_samples(&[Sample::from(io)]));
        }
        None => {
            let shown: Vec<String> = v.output_cells.iter().take(20).map(|f| format!("{f:#x}")).collect();
            let more = if v.output_cells.len() > 20 {
                format!(" … ({} cells)", v.output_cells.len())
            } else {
                String::new()
            };
            println!("output   [{}{more}] (proven cells, raw felts)", shown.join(", "));
        }
    }
    Ok(())
}
