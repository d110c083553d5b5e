//! `cairn bench`: proves one inference of each example model and prints the
//! prover's figures. Measurements, not assertions: the numbers go in notes
//! and docs, never into timed tests.

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use cairn_prover::proof;
use serde::Serialize;

use super::commands::{BenchArgs, ScaleArgs};
use super::execute::{bind_all, program_for, scale_for, target};
use super::profile;
use super::prove::{build, run_for_proof, stark, COLUMNS};

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

/// User + system CPU time of this process (all threads), seconds.
pub(super) fn cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) } != 0 {
        return f64::NAN;
    }
    let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 * 1e-6;
    t(u.ru_utime) + t(u.ru_stime)
}

/// Resets the kernel's peak-RSS mark (Linux) so that each model's peak is its
/// own; elsewhere the peak is the process's so far.
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident memory since the last reset, MiB.
pub(super) fn peak_memory_mib() -> f64 {
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(kb) = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        {
            return kb / 1024.0;
        }
    }
    // SAFETY: as above.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) } != 0 {
        return f64::NAN;
    }
    u.ru_maxrss as f64 / 1024.0
}

fn bench_one(dir: &Path, bits: u32, with_profile: bool) -> Result<BenchRow> {
    let model = dir.join("model.onnx");
    let input = dir.join("input.json");
    if !model.is_file() || !input.is_file() {
        bail!("{} must hold model.onnx and input.json", dir.display());
    }
    let t = target(&model)?;
    let default_scale = ScaleArgs { scale: None, calibrate: None, headroom: 0 };
    let (scale, _) = scale_for(&t, &default_scale)?;
    let samples = bind_all(&t.net, &input)?;
    let sample = samples.first().with_context(|| format!("{} holds no sample", input.display()))?;
    let program = program_for(&t, scale, sample, false)?;

    reset_peak_memory();
    let start = Instant::now();
    let run = run_for_proof(&t, &program, sample, false)?;
    let vm_run_s = start.elapsed().as_secs_f64();
    let steps = run.steps;

    // Without `--profile` no subscriber is installed and these spans are no-ops.
    let (cpu0, start) = (cpu_seconds(), Instant::now());
    let prove_span = tracing::info_span!("prove").entered();
    let trace = tracing::info_span!("build_air_trace").in_scope(|| build(&program, &run, false))?;
    drop(run);
    let trace_rows = trace.len();
    let (bytes, header) = tracing::info_span!("stark").in_scope(|| stark(trace, &program.manifest, bits, false))?;
    drop(prove_span);
    let prove_wall_s = start.elapsed().as_secs_f64();
    let prove_cpu_s = cpu_seconds() - cpu0;
    let peak_mem_mib = peak_memory_mib();

    drop(header);
    // Verified against the compiler's program hash, as a user would.
    let expected = cairn_prover::field::Felt::from_starknet(&program.program.program_hash);
    let start = Instant::now();
    let verified = proof::verify(&bytes, Some(&expected), bits).context("the benchmark's own proof does not verify")?;
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
        println!("{}", serde_json::to_string_pretty(&rows)?);
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
