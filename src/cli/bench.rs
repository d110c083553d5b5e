//! `cairn bench`: proves one inference of each example model and prints the
//! prover's figures. Measurements, not assertions: the numbers go in notes
//! and docs, never into timed tests.

use std::time::Instant;

use anyhow::{bail, Context, Result};
use cairn::prover::field::Felt as ProverFelt;
use cairn::prover::proof::{self, ProofShape};
use cairn::proving::COLUMNS;
use cairn::transpiler::codegen::package::MANIFEST_FILE;
use cairn::{prove_trace, BoundSample, Model, ProgramInProof, Scale};
use serde::Serialize;

use super::commands::BenchArgs;
use super::measure::{cpu_seconds, peak_memory_mib, reset_peak_memory};
use super::target::{self, Target};
use super::{profile, progress};

#[derive(Serialize)]
pub struct BenchRow {
    pub model: String,
    pub steps: usize,
    pub trace_rows: usize,
    pub columns: usize,
    /// Cairo VM run in proof mode (trace recorded), seconds.
    pub vm_run_s: f64,
    /// Trace building + STARK proving, wall-clock seconds.
    pub prove_wall_s: f64,
    /// The same, CPU seconds over all threads.
    pub prove_cpu_s: f64,
    /// Peak resident memory of the VM run and the proof, MiB.
    pub peak_mem_mib: f64,
    pub proof_bytes: usize,
    pub verify_ms: f64,
    pub security_bits: u32,
    /// With `--profile`: prover phases and proof parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<profile::Profile>,
}

/// The bundled examples, carried by the binary so that `cairn bench` works
/// anywhere: (name, model.onnx, input.json).
const BUNDLED: [(&str, &[u8], &[u8]); 2] = [
    ("mlp (bundled)", include_bytes!("../../examples/mlp/model.onnx"), include_bytes!("../../examples/mlp/input.json")),
    ("cnn (bundled)", include_bytes!("../../examples/cnn/model.onnx"), include_bytes!("../../examples/cnn/input.json")),
];

/// A model to benchmark and the one sample it proves.
struct Subject {
    name: String,
    target: Target,
    sample: BoundSample,
}

/// The first sample of `samples` (a proof covers one inference).
fn first(mut samples: Vec<BoundSample>, what: &str) -> Result<BoundSample> {
    if samples.len() > 1 {
        progress::note(format_args!("{what} holds {} samples; proving the first", samples.len()));
    }
    if samples.is_empty() {
        bail!("{what} holds no sample");
    }
    Ok(samples.swap_remove(0))
}

/// What the arguments ask to benchmark: each model with its sample.
fn subjects(args: &BenchArgs) -> Result<Vec<Subject>> {
    if args.models.is_empty() {
        if args.input.is_some() {
            bail!("--input is the sample for the models given; give a model (an ONNX file or a package) too");
        }
        return BUNDLED
            .iter()
            .map(|&(name, onnx, input)| {
                let model = Model::from_bytes(onnx.to_vec(), name)?;
                let sample = first(model.parse_samples(input, name)?, name)?;
                Ok(Subject { name: name.to_string(), target: Target { model, package: None }, sample })
            })
            .collect();
    }
    args.models
        .iter()
        .map(|path| {
            // A directory with model.onnx (and input.json) but no manifest
            // is an example directory, not a package.
            let example = path.is_dir() && !path.join(MANIFEST_FILE).is_file() && path.join("model.onnx").is_file();
            let (model_path, input) = match (&args.input, example) {
                (Some(input), true) => (path.join("model.onnx"), input.clone()),
                (None, true) => (path.join("model.onnx"), path.join("input.json")),
                (Some(input), false) => (path.clone(), input.clone()),
                (None, false) => bail!(
                    "{}: give the sample to prove with --input (or a directory holding model.onnx and input.json)",
                    path.display()
                ),
            };
            let target = target::target(&model_path)?;
            let sample = first(target::samples(&target.model, &input)?, &input.display().to_string())?;
            Ok(Subject { name: path.display().to_string(), target, sample })
        })
        .collect()
}

#[derive(Serialize)]
struct BenchReport<'a> {
    models: &'a [BenchRow],
}

fn bench_one(subject: &Subject, bits: u32, with_profile: bool) -> Result<BenchRow> {
    let Subject { name, target: t, sample } = subject;
    let scale = match &t.package {
        Some(p) => p.scale()?,
        None => Scale::new(cairn::runtime::fixed::DEFAULT_SCALE)?,
    };
    let program = target::program_for(t, scale, sample, false)?;

    reset_peak_memory();
    let start = Instant::now();
    let run = progress::step("running on the Cairo VM (proof mode, recording the trace)", false, || {
        program.run_for_proof(sample)
    })?;
    let vm_run_s = start.elapsed().as_secs_f64();
    let steps = run.vm.steps;

    // Without `--profile` no subscriber is installed and these spans are no-ops.
    let (cpu0, start) = (cpu_seconds(), Instant::now());
    let prove_span = tracing::info_span!("prove").entered();
    let trace = tracing::info_span!("build_air_trace")
        .in_scope(|| progress::step("building the AIR trace", false, || program.trace(&run)))?;
    drop(run);
    let trace_rows = trace.len();
    let label = format!("proving ({trace_rows} rows × {COLUMNS} columns, {bits}-bit security)");
    let proof = tracing::info_span!("stark").in_scope(|| {
        progress::step(&label, false, || {
            prove_trace(trace, program.manifest(), bits, steps, ProgramInProof::Omitted, ProofShape::Fast)
        })
    })?;
    drop(prove_span);
    let prove_wall_s = start.elapsed().as_secs_f64();
    let prove_cpu_s = cpu_seconds() - cpu0;
    let peak_mem_mib = peak_memory_mib();
    let bytes = proof.bytes;

    // Verified as a user holding the package would: its bytecode and hash.
    let expected = ProverFelt::from_starknet(&program.program_hash());
    let start = Instant::now();
    let words: Vec<ProverFelt> = program.compiled().bytecode.iter().map(ProverFelt::from_starknet).collect();
    let verified = proof::verify_with_program(&bytes, Some(&words), Some(&expected), bits)
        .context("the benchmark's own proof does not verify")?;
    let verify_ms = start.elapsed().as_secs_f64() * 1e3;
    Ok(BenchRow {
        model: name.clone(),
        steps,
        trace_rows,
        columns: COLUMNS,
        vm_run_s,
        prove_wall_s,
        prove_cpu_s,
        peak_mem_mib,
        proof_bytes: bytes.len(),
        verify_ms,
        security_bits: verified.security_bits,
        profile: with_profile.then(|| profile::Profile::take(&bytes)).transpose()?,
    })
}

pub fn bench(args: BenchArgs) -> Result<()> {
    let bits = args.security.security;
    if args.profile {
        profile::install()?;
    }
    let subjects = subjects(&args)?;
    let mut rows = Vec::new();
    for s in &subjects {
        progress::note(format_args!("== {}", s.name));
        rows.push(bench_one(s, bits, args.profile).with_context(|| format!("benchmarking {}", s.name))?);
    }
    if args.json {
        super::json::print(&BenchReport { models: &rows })?;
        return Ok(());
    }
    println!(
        "| model | Cairo steps | trace rows | columns | VM run (s) | prove wall (s) | prove CPU (s) | peak mem (MiB) | proof (bytes) | verify (ms) | security (bits) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        println!(
            "| {} | {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.0} | {} | {:.1} | {} |",
            r.model,
            r.steps,
            r.trace_rows,
            r.columns,
            r.vm_run_s,
            r.prove_wall_s,
            r.prove_cpu_s,
            r.peak_mem_mib,
            r.proof_bytes,
            r.verify_ms,
            r.security_bits
        );
    }
    for r in &rows {
        if let Some(p) = &r.profile {
            println!("\n{}", p.render(&r.model));
        }
    }
    Ok(())
}
