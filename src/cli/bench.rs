//! `cairn bench`: proves one inference of each example model and prints the
//! prover's figures. Measurements, not assertions: the numbers go in notes
//! and docs, never into timed tests.

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use cairn::prover::field::Felt as ProverFelt;
use cairn::prover::proof;
use cairn::proving::COLUMNS;
use cairn::{prove_trace, Model, ProgramInProof, Scale};
use serde::Serialize;

use super::commands::BenchArgs;
use super::measure::{cpu_seconds, peak_memory_mib, reset_peak_memory};
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

fn bench_one(dir: &Path, bits: u32, with_profile: bool) -> Result<BenchRow> {
    let model = dir.join("model.onnx");
    let input = dir.join("input.json");
    if !model.is_file() || !input.is_file() {
        bail!("{} must hold model.onnx and input.json", dir.display());
    }
    let model = Model::load(&model)?;
    let samples = model.read_samples(&input)?;
    let sample = samples.first().with_context(|| format!("{} holds no sample", input.display()))?;
    let scale = Scale::new(cairn::runtime::fixed::DEFAULT_SCALE)?;
    let package = model.cached_package(scale, sample)?;
    let program = progress::step("compiling Cairo (Sierra → CASM)", false, || package.compile())?;

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
        progress::step(&label, false, || prove_trace(trace, program.manifest(), bits, steps, ProgramInProof::Omitted))
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
        model: dir.display().to_string(),
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
    let mut rows = Vec::new();
    for dir in &args.examples {
        eprintln!("== {}", dir.display());
        rows.push(bench_one(dir, bits, args.profile).with_context(|| format!("benchmarking {}", dir.display()))?);
    }
    if args.json {
        super::json::print(&serde_json::json!({ "models": &rows }))?;
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
