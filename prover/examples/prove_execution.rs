//! Proves recorded runs and prints the prover's figures: trace rows, CPU
//! seconds (all threads) to build the trace and to prove, peak memory, proof
//! size, verify time. Measurements, not assertions; no Cairo toolchain needed.
//!
//!     cargo run -p cairn-prover --release --example prove_execution -- <run.json>...
//!     cargo run -p cairn-prover --release --example prove_execution -- --loop <rounds>
//!
//! Runs are `ExecutionInput` JSON (`cargo run --example dump_execution` writes
//! the bundled models'); `--loop N` proves a synthetic countdown of 2N + 8
//! steps (2^20 rows for N = 524,284). `--security B` (default 96). Options
//! other than `Params::for_security`'s: `--blowup B --queries Q --grinding G
//! --folding F --remainder R` (each overrides one field; the security
//! requirement is then the proof's own estimate).

use std::time::Instant;

use cairn_prover::proof::{self, Params};
use cairn_prover::testing::synthetic::{counting_loop, execute};
use cairn_prover::trace::{build_trace, ExecutionInput};

/// User + system CPU seconds of this process so far (all threads).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may contain spaces) start at ')'.
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
    // utime and stime are fields 14 and 15 of /proc/self/stat (1-based), i.e.
    // 11 and 12 after the state field; clock ticks are 100 per second on Linux.
    (ticks(11) + ticks(12)) / 100.0
}

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn prove(name: &str, input: &ExecutionInput, params: Params, bits: u32) {
    let (c0, t0) = (cpu_seconds(), Instant::now());
    let trace = build_trace(input).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (trace_cpu, trace_wall) = (cpu_seconds() - c0, t0.elapsed().as_secs_f64());
    let rows = trace.len();
    let (c1, t1) = (cpu_seconds(), Instant::now());
    let (bytes, header) = proof::prove(trace, params, bits).unwrap_or_else(|e| panic!("{e}"));
    let (prove_cpu, prove_wall) = (cpu_seconds() - c1, t1.elapsed().as_secs_f64());
    let t2 = Instant::now();
    let verified = proof::verify_allowing_weak_security(&bytes, None, bits.min(96)).expect("verifies");
    let verify_ms = t2.elapsed().as_secs_f64() * 1e3;
    println!(
        "| {name} | {} | {rows} | {trace_cpu:.2} | {trace_wall:.2} | {prove_cpu:.2} | {prove_wall:.2} | {:.0} | {} | {verify_ms:.1} | {} |",
        input.trace.len(),
        peak_rss_mib(),
        bytes.len(),
        header.security_bits
    );
    assert_eq!(verified.output.len(), header.public_input.output.len());
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let mut bits = proof::DEFAULT_SECURITY_BITS;
    let mut runs: Vec<(String, ExecutionInput)> = Vec::new();
    let mut overrides: Vec<(String, usize)> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--security" => bits = args.next().and_then(|v| v.parse().ok()).expect("--security <bits>"),
            "--blowup" | "--queries" | "--grinding" | "--folding" | "--remainder" => {
                let v: usize = args.next().and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("{a} <value>"));
                overrides.push((a.clone(), v));
            }
            "--loop" => {
                let rounds: u64 = args.next().and_then(|v| v.parse().ok()).expect("--loop <rounds>");
                let p = counting_loop(rounds, false);
                runs.push((format!("loop {rounds}"), execute(&p, cairn_prover::field::Felt::ZERO)));
            }
            path => {
                let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
                let input: ExecutionInput = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
                runs.push((path.to_string(), input));
            }
        }
    }
    let mut params = Params::for_security(bits);
    for (flag, v) in &overrides {
        match flag.as_str() {
            "--blowup" => params.blowup_factor = *v,
            "--queries" => params.num_queries = *v,
            "--grinding" => params.grinding_factor = *v as u32,
            "--folding" => params.fri_folding_factor = *v,
            _ => params.fri_remainder_max_degree = *v,
        }
    }
    if !overrides.is_empty() {
        bits = proof::conjectured_bits(params.num_queries, params.blowup_factor, params.grinding_factor);
    }
    println!("options: {params:?}");
    println!(
        "| run | steps | trace rows | trace CPU (s) | trace wall (s) | prove CPU (s) | prove wall (s) | peak RSS (MiB) | proof (bytes) | verify (ms) | security (bits) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, input) in &runs {
        prove(name, input, params, bits);
    }
}
