//! `cairn prove` and `cairn verify`: a STARK proof of one inference of a
//! model's Cairo program, and its check.

use anyhow::{bail, Context, Result};
use cairn_prover::adapter::execution_input;
use cairn_prover::field::Felt as ProverFelt;
use cairn_prover::proof::{self, Header, Params, Verified};
use cairn_prover::trace::{build_trace, CairoTrace};
use cairn_runtime::cairo::vm::RunMode;
use cairn_runtime::cairo::CairoRun;
use cairn_transpiler::cairo_backend::{decode_io, read_manifest, run_package_mode, DecodedIo, PackageProgram};
use cairn_transpiler::codegen::Manifest;
use cairn_transpiler::inputs::BoundSample;
use serde::Serialize;

use super::commands::{ProveArgs, VerifyArgs, VerifySecurityArgs};
use super::execute::{bind_all, explain_failure, program_for, scale_for, target, write_atomically, Target};
use super::{progress, render};

/// Main + auxiliary columns of the AIR.
pub const COLUMNS: usize = cairn_prover::layout::MAIN_WIDTH + cairn_prover::layout::AUX_WIDTH;

/// Runs the program in proof mode (trace and memory recorded).
pub(super) fn run_for_proof(
    t: &Target,
    program: &PackageProgram,
    sample: &BoundSample,
    quiet: bool,
) -> Result<CairoRun> {
    let scale = cairn_runtime::Scale::new(program.manifest.scale).map_err(anyhow::Error::msg)?;
    progress::step("running on the Cairo VM (proof mode, recording the trace)", quiet, || {
        run_package_mode(program, sample, RunMode::Proof)
    })
    .map(|(_, run)| run)
    .map_err(|e| explain_failure(e.into(), &t.net, scale, sample))
}

/// The AIR trace of a run.
pub(super) fn build(program: &PackageProgram, run: &CairoRun, quiet: bool) -> Result<CairoTrace> {
    progress::step("building the AIR trace", quiet, || -> Result<CairoTrace> {
        let input = execution_input(&program.program, run)?;
        Ok(build_trace(&input)?)
    })
    .context("the run cannot be proved")
}

/// Proves a trace at `bits` of conjectured security; the package manifest
/// rides along (unverified) so that `verify` can show reals.
pub(super) fn stark(trace: CairoTrace, manifest: &Manifest, bits: u32, quiet: bool) -> Result<(Vec<u8>, Header)> {
    if bits < proof::DEFAULT_SECURITY_BITS {
        eprintln!(
            "warning: proving at {bits} bits of conjectured security, below the default {}: \
             such a proof is cheaper to forge, and `cairn verify` refuses levels below {} unless told otherwise",
            proof::DEFAULT_SECURITY_BITS,
            proof::SECURITY_FLOOR_BITS
        );
    }
    let label = format!("proving ({} rows × {COLUMNS} columns, {bits}-bit security)", trace.len());
    let annotation = serde_json::to_value(manifest)?;
    Ok(progress::step(&label, quiet, || proof::prove_annotated(trace, Params::for_security(bits), bits, annotation))?)
}

#[derive(Serialize)]
pub struct ProveReport {
    pub proof: String,
    pub bytes: usize,
    pub security_bits: u32,
    pub program_hash: String,
    pub steps: usize,
    pub trace_rows: usize,
    pub columns: usize,
    pub io: Option<DecodedIoReport>,
}

pub fn prove(args: ProveArgs) -> Result<()> {
    let quiet = args.json;
    let t = target(&args.model)?;
    let (scale, _) = scale_for(&t, &args.scale)?;
    let samples = bind_all(&t.net, &args.input)?;
    let [sample] = samples.as_slice() else {
        bail!(
            "{} holds {} samples; a proof covers one inference, give a file with one",
            args.input.display(),
            samples.len()
        );
    };
    let program = program_for(&t, scale, sample, quiet)?;
    let run = run_for_proof(&t, &program, sample, quiet)?;
    let steps = run.steps;
    let trace = build(&program, &run, quiet)?;
    drop(run);
    let rows = trace.len();
    let (bytes, header) = stark(trace, &program.manifest, args.security.security, quiet)?;
    write_atomically(&args.output, &bytes)?;
    let output: Vec<_> = header.public_input.output.iter().map(ProverFelt::to_starknet).collect();
    let report = ProveReport {
        proof: args.output.display().to_string(),
        bytes: bytes.len(),
        security_bits: header.security_bits,
        program_hash: header.program_hash.clone(),
        steps,
        trace_rows: rows,
        columns: COLUMNS,
        io: decode_io(&program.manifest, &output).ok().map(DecodedIoReport::from),
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render::prove_report(&report));
    }
    Ok(())
}

#[derive(Serialize)]
pub struct DecodedIoReport {
    pub outputs: Vec<cairn_transpiler::outputs::OutputTensor>,
    pub inputs: Vec<cairn_transpiler::outputs::OutputTensor>,
}

impl From<DecodedIo> for DecodedIoReport {
    fn from(io: DecodedIo) -> Self {
        DecodedIoReport { outputs: io.outputs, inputs: io.inputs }
    }
}

#[derive(Serialize)]
pub struct VerifyReport {
    pub valid: bool,
    pub program_hash: String,
    /// What the program hash was checked against, if anything.
    pub checked_against: Option<String>,
    pub security_bits: u32,
    pub trace_rows: usize,
    /// The proven output cells, as hex felts: `[len, outputs..., inputs...]`.
    pub output_felts: Vec<String>,
    /// The cells read with a manifest (the package's with `--model`, else the
    /// proof's unverified annotation).
    pub io: Option<DecodedIoReport>,
    pub manifest_source: Option<String>,
}

/// The program hash to insist on, from `--program-hash` and/or `--model`.
fn expected_hash(args: &VerifyArgs) -> Result<(Option<ProverFelt>, Option<String>, Option<Manifest>)> {
    let given = match &args.program_hash {
        Some(h) => Some(
            ProverFelt::from_hex(h.trim())
                .with_context(|| format!("--program-hash {h:?} is not a hex field element"))?,
        ),
        None => None,
    };
    let Some(dir) = &args.model else {
        return Ok((given, args.program_hash.as_ref().map(|_| "--program-hash".to_string()), None));
    };
    let manifest = read_manifest(dir)?;
    let Some(h) = &manifest.program_hash else {
        bail!(
            "{} has no program hash in its manifest; compile it (`cairn transpile` without --no-compile)",
            dir.display()
        );
    };
    let from_model = ProverFelt::from_hex(h).with_context(|| format!("{}: bad program hash {h:?}", dir.display()))?;
    if let Some(g) = given {
        if g != from_model {
            bail!(
                "--program-hash {} differs from the program hash of {} ({h})",
                args.program_hash.as_deref().unwrap_or(""),
                dir.display()
            );
        }
    }
    Ok((Some(from_model), Some(format!("package {}", dir.display())), Some(manifest)))
}

/// Reads a proof file, refusing files larger than any proof before reading them.
pub(super) fn read_proof_file(path: &std::path::Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let limit = proof::MAX_PROOF_BYTES as u64;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).with_context(|| format!("reading {}", path.display()))?;
    if bytes.len() as u64 > limit {
        bail!("{} is larger than {limit} bytes, the largest proof cairn reads", path.display());
    }
    Ok(bytes)
}

/// Verifies proof bytes at the security the user asked for: below the floor
/// only with the loudly named flag, and then with a warning.
pub(super) fn verify_bytes(
    bytes: &[u8],
    expected: Option<&ProverFelt>,
    security: &VerifySecurityArgs,
) -> Result<Verified, proof::VerifyError> {
    if security.security < proof::SECURITY_FLOOR_BITS && security.insecure_accept_weak_proofs {
        eprintln!(
            "WARNING: accepting proofs at {} bits of conjectured security (--insecure-accept-weak-proofs); \
             a proof this weak can be forged and proves nothing to anyone else",
            security.security
        );
        return proof::verify_allowing_weak_security(bytes, expected, security.security);
    }
    proof::verify(bytes, expected, security.security)
}

pub fn verify(args: VerifyArgs) -> Result<()> {
    let (expected, against, manifest) = expected_hash(&args)?;
    let bytes = read_proof_file(&args.proof)?;
    let v: Verified = verify_bytes(&bytes, expected.as_ref(), &args.security)
        .with_context(|| format!("{} is not a valid proof", args.proof.display()))?;
    let output: Vec<_> = v.output.iter().map(ProverFelt::to_starknet).collect();
    let (manifest, source) = match manifest {
        Some(m) => (Some(m), against.clone()),
        None => match serde_json::from_value::<Manifest>(v.annotation.clone()) {
            Ok(m) => (Some(m), Some("the proof's annotation (unverified; pass --model to check it)".to_string())),
            Err(_) => (None, None),
        },
    };
    let io = match &manifest {
        Some(m) => match decode_io(m, &output) {
            Ok(io) => Some(DecodedIoReport::from(io)),
            // Against the user's own package this is a real mismatch; an
            // annotation that does not fit is just shown raw.
            Err(e) if args.model.is_some() => bail!("the proven output does not fit the package's manifest: {e}"),
            Err(_) => None,
        },
        None => None,
    };
    let report = VerifyReport {
        valid: true,
        program_hash: proof::hex(&v.program_hash),
        checked_against: against,
        security_bits: v.security_bits,
        trace_rows: v.trace_length,
        output_felts: v.output.iter().map(proof::hex).collect(),
        manifest_source: io.as_ref().and(source),
        io,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render::verify_report(&report));
    }
    Ok(())
}
