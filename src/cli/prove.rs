//! `cairn prove`: a STARK proof of one inference of a model's Cairo program.

use anyhow::{bail, Result};
use cairn::prover::proof::{ProofShape, DEFAULT_SECURITY_BITS, SECURITY_FLOOR_BITS};
use cairn::proving::COLUMNS;
use cairn::transpiler::codegen::package::write_atomically;
use cairn::transpiler::io::decode_io;
use cairn::{prove_trace, Program, ProgramInProof, Proof};
use cairn::{BoundSample, Felt};

use super::commands::ProveArgs;
use super::json::{self, Sample};
use super::reports::ProveReport;
use super::{output_file, progress, render, target};

/// Runs, traces and proves one sample, showing each stage.
pub fn prove_with_progress(
    program: &Program,
    sample: &BoundSample,
    bits: u32,
    embed: ProgramInProof,
    shape: ProofShape,
    quiet: bool,
) -> Result<Proof> {
    if bits < DEFAULT_SECURITY_BITS {
        eprintln!(
            "warning: proving at {bits} bits of conjectured security, below the default {DEFAULT_SECURITY_BITS}: \
             such a proof is cheaper to forge, and `cairn verify` refuses levels below {SECURITY_FLOOR_BITS} \
             unless told otherwise"
        );
    }
    let run = progress::step("running on the Cairo VM (proof mode, recording the trace)", quiet, || {
        program.run_for_proof(sample)
    })?;
    let steps = run.vm.steps;
    let trace = progress::step("building the AIR trace", quiet, || program.trace(&run))?;
    drop(run);
    let compact = if shape == ProofShape::Compact { ", compact" } else { "" };
    let label = format!("proving ({} rows × {COLUMNS} columns, {bits}-bit security{compact})", trace.len());
    Ok(progress::step(&label, quiet, || prove_trace(trace, program.manifest(), bits, steps, embed, shape))?)
}

pub fn prove(args: ProveArgs) -> Result<()> {
    if cairn::staged::is_staged(&args.model) {
        return prove_staged(args);
    }
    let quiet = args.json;
    output_file::check_writable(&args.output, "-o")?;
    let t = target::target(&args.model)?;
    let (scale, _) = target::scale_for(&t, &args.scale)?;
    let samples = target::samples(&t.model, &args.input)?;
    let [sample] = samples.as_slice() else {
        bail!(
            "{} holds {} samples; a proof covers one inference, give a file with one",
            args.input.display(),
            samples.len()
        );
    };
    let program = target::program_for(&t, scale, sample, quiet)?;
    let embed = if args.embed_program { ProgramInProof::Embedded } else { ProgramInProof::Omitted };
    let shape = if args.compact { ProofShape::Compact } else { ProofShape::Fast };
    let proof = prove_with_progress(&program, sample, args.security.security, embed, shape, quiet)?;
    write_atomically(&args.output, &proof.bytes)
        .map_err(|e| anyhow::anyhow!("writing {}: {e}", args.output.display()))?;
    let output: Vec<Felt> = proof.header.public_input.output.iter().map(|f| f.to_starknet()).collect();
    let report = ProveReport {
        proof: args.output.display().to_string(),
        bytes: proof.bytes.len(),
        security_bits: proof.header.security_bits,
        program_hash: proof.header.program_hash.clone(),
        program_embedded: !proof.header.program_omitted,
        steps: proof.steps,
        trace_rows: proof.trace_rows,
        columns: COLUMNS,
        samples: decode_io(program.manifest(), &output).map(Sample::from).into_iter().collect(),
    };
    if args.json {
        json::print(&report)?;
    } else {
        print!("{}", render::prove_report(&report));
    }
    Ok(())
}

/// A staged package: every stage proven (`--jobs` at once), one bundle file.
fn prove_staged(args: ProveArgs) -> Result<()> {
    if args.json {
        bail!("--json is not available for staged packages yet");
    }
    if args.scale.scale.is_some() || args.scale.calibrate.is_some() {
        bail!(
            "{} is a staged package, transpiled at its own scale; --scale/--calibrate apply to ONNX files only",
            args.model.display()
        );
    }
    output_file::check_writable(&args.output, "-o")?;
    let staged = cairn::StagedPackage::open(&args.model)?;
    let model = staged.model()?;
    let samples = target::samples(&model, &args.input)?;
    let [sample] = samples.as_slice() else {
        bail!(
            "{} holds {} samples; a proof covers one inference, give a file with one",
            args.input.display(),
            samples.len()
        );
    };
    let program = progress::step("compiling the stages (Sierra → CASM)", false, || staged.compile())?;
    let embed = if args.embed_program { ProgramInProof::Embedded } else { ProgramInProof::Omitted };
    let shape = if args.compact { ProofShape::Compact } else { ProofShape::Fast };
    let n = program.programs().len();
    let label = format!("proving {n} stages ({} at a time, {}-bit security)", args.jobs, args.security.security);
    let report = |i: usize, p: &Proof| {
        progress::note(format_args!(
            "stage {i}: {} steps → {} rows, proof {} bytes",
            p.steps,
            p.trace_rows,
            p.bytes.len()
        ))
    };
    let proof = progress::step(&label, false, || {
        program.prove(sample, args.security.security, embed, shape, args.jobs as usize, &report)
    })?;
    write_atomically(&args.output, &proof.bytes)
        .map_err(|e| anyhow::anyhow!("writing {}: {e}", args.output.display()))?;
    println!("bundle   {} ({} bytes, {n} stage proofs)", args.output.display(), proof.bytes.len());
    println!("model    {:#x} (hash over the stage programs)", program.model_hash());
    for (i, p) in proof.stages.iter().enumerate() {
        println!("stage {i}  {} steps → {} rows × {COLUMNS} columns, {} bytes", p.steps, p.trace_rows, p.bytes.len());
    }
    let carried = if args.embed_program {
        "bytecode in the proofs: verifiable with --program-hash <model hash>"
    } else {
        "bytecode left out: verify with --model <staged package>; --embed-program keeps it"
    };
    println!("         {carried}");
    Ok(())
}
