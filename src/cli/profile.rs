//! `cairn bench --profile`: where the prover's seconds and the proof's bytes go.
//!
//! Time: Winterfell 0.13 opens a `tracing` span around each proving phase
//! (trace LDE, trace commitment, constraint evaluation, composition
//! commitment, DEEP composition, FRI, queries); `bench_one` adds `prove`,
//! `build_air_trace` and `stark` around them. A small layer records each
//! span's wall time and the process's CPU time (all threads) while it was
//! open. Bytes: the proof file is split into its JSON header and the parts of
//! Winterfell's `Proof`, each sized by serializing it.

use std::sync::Mutex;
use std::time::Instant;

use anyhow::Result;
use cairn::prover::field::Felt;
use serde::Serialize;
use tracing::span::{Attributes, Id};
use tracing::{Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use winter_utils::{ByteReader, Serializable, SliceReader};

/// One closed span, i.e. one phase of the prover.
#[derive(Clone, Debug, Serialize)]
pub struct Phase {
    pub name: String,
    /// Nesting depth: 0 for `prove`, 1 for its phases, ...
    pub depth: usize,
    pub wall_s: f64,
    /// CPU seconds of the whole process (all threads) while the span was open.
    pub cpu_s: f64,
    /// The process's peak resident memory when the span closed, MiB.
    pub peak_rss_mib: f64,
    #[serde(skip)]
    start: Option<Instant>,
}

/// A part of the proof file and its size.
#[derive(Debug, Serialize)]
pub struct Part {
    pub name: String,
    pub bytes: usize,
}

#[derive(Debug, Serialize)]
pub struct Profile {
    /// In start order, a parent before its children; each parent with
    /// children also gets a child "(outside any span)" for the rest.
    pub phases: Vec<Phase>,
    /// Adds up to the proof file's size.
    pub proof_parts: Vec<Part>,
}

static CLOSED: Mutex<Vec<Phase>> = Mutex::new(Vec::new());

/// Start time and process CPU time of an open span (kept in its extensions).
struct Opened(Instant, f64);

struct Recorder;

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Recorder {
    /// Only spans of Winterfell and of cairn itself: the Cairo compiler's
    /// and VM's spans (if any) are never created.
    fn enabled(&self, m: &Metadata<'_>, _: Context<'_, S>) -> bool {
        m.is_span() && (m.target().starts_with("winter") || m.target().starts_with("cairn"))
    }

    fn on_new_span(&self, _: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(id) {
            span.extensions_mut().insert(Opened(Instant::now(), super::measure::cpu_seconds()));
        }
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(&id) else { return };
        let Some(&Opened(start, cpu0)) = span.extensions().get::<Opened>() else { return };
        let phase = Phase {
            name: span.name().to_string(),
            depth: span.scope().skip(1).count(),
            wall_s: start.elapsed().as_secs_f64(),
            cpu_s: super::measure::cpu_seconds() - cpu0,
            peak_rss_mib: super::measure::peak_memory_mib(),
            start: Some(start),
        };
        CLOSED.lock().unwrap_or_else(|e| e.into_inner()).push(phase);
    }
}

/// Installs the recorder as the process's tracing subscriber.
pub fn install() -> Result<()> {
    tracing::subscriber::set_global_default(tracing_subscriber::registry().with(Recorder))?;
    Ok(())
}

/// Appends `closed[i]` and its subtree to `out`, followed by the parent's
/// time outside its children (if it has any); returns the index after the
/// subtree.
fn emit(closed: &[Phase], i: usize, out: &mut Vec<Phase>) -> usize {
    let parent = &closed[i];
    out.push(parent.clone());
    let (mut j, mut wall, mut cpu) = (i + 1, 0.0, 0.0);
    while j < closed.len() && closed[j].depth > parent.depth {
        wall += closed[j].wall_s;
        cpu += closed[j].cpu_s;
        j = emit(closed, j, out);
    }
    // Rests under 5 ms are clock noise, not a phase.
    if j > i + 1 && (parent.wall_s - wall > 0.005 || parent.cpu_s - cpu > 0.005) {
        out.push(Phase {
            name: "(outside any span)".into(),
            depth: parent.depth + 1,
            wall_s: (parent.wall_s - wall).max(0.0),
            cpu_s: (parent.cpu_s - cpu).max(0.0),
            peak_rss_mib: parent.peak_rss_mib,
            start: None,
        });
    }
    j
}

/// Splits a serialized Winterfell `Queries` into its values and its Merkle
/// batch opening (it is written as: length, values, length, opening).
fn values_and_openings(bytes: &[u8]) -> (usize, usize) {
    let values = SliceReader::new(bytes).read_usize().unwrap_or(0).min(bytes.len());
    (values, bytes.len() - values)
}

impl Profile {
    /// The phases recorded since the last call, and the parts of `file`.
    pub fn take(file: &[u8]) -> Result<Profile> {
        let mut closed = std::mem::take(&mut *CLOSED.lock().unwrap_or_else(|e| e.into_inner()));
        // Start order puts each parent before its descendants.
        closed.sort_by_key(|p| (p.start, p.depth));
        let mut phases = Vec::new();
        let mut i = 0;
        while i < closed.len() {
            i = emit(&closed, i, &mut phases);
        }
        Ok(Profile { phases, proof_parts: parts(file)? })
    }

    /// Markdown tables of the phases and the proof's parts.
    pub fn render(&self, model: &str) -> String {
        use std::fmt::Write;
        let total = self.phases.first().map_or((f64::NAN, f64::NAN), |p| (p.wall_s, p.cpu_s));
        let mut s = format!("{model}: prover phases\n\n| phase | wall (s) | wall % | CPU (s) | CPU % | peak RSS at end (MiB) |\n|---|---:|---:|---:|---:|---:|\n");
        for p in &self.phases {
            let name = format!("{}{}", "· ".repeat(p.depth), p.name);
            let _ = writeln!(
                s,
                "| {name} | {:.2} | {:.1} | {:.2} | {:.1} | {:.0} |",
                p.wall_s,
                100.0 * p.wall_s / total.0,
                p.cpu_s,
                100.0 * p.cpu_s / total.1,
                p.peak_rss_mib
            );
        }
        let bytes: usize = self.proof_parts.iter().map(|p| p.bytes).sum();
        let _ = write!(s, "\n{model}: proof bytes\n\n| part | bytes | % |\n|---|---:|---:|\n");
        for p in &self.proof_parts {
            let _ = writeln!(s, "| {} | {} | {:.1} |", p.name, p.bytes, 100.0 * p.bytes as f64 / bytes as f64);
        }
        s
    }
}

/// The proof file's parts: the cairn header (magic, length, JSON with the
/// program words, the rest of the public input and the annotation), then
/// Winterfell's proof (trace and constraint queries split into values and
/// Merkle openings, FRI layers, FRI remainder, and the small rest).
fn parts(file: &[u8]) -> Result<Vec<Part>> {
    let (header, proof) = cairn::prover::proof::parse(file)?;
    let header_len = u32::from_le_bytes(file[8..12].try_into()?) as usize;
    let program = serde_json::to_vec(&header.public_input.program)?.len();
    let annotation = serde_json::to_vec(&header.annotation)?.len();
    let stark = file.len() - 12 - header_len;
    let mut parts = vec![
        ("header: magic and length".to_string(), 12),
        ("header JSON: program words (the weights are constants in the bytecode)".into(), program),
        ("header JSON: annotation (the package manifest, unverified)".into(), annotation),
        (
            "header JSON: the rest (public memory, registers, segments, params)".into(),
            header_len - program - annotation,
        ),
    ];
    let segments = ["main trace", "aux trace"];
    for (i, q) in proof.trace_queries.iter().enumerate() {
        let (values, openings) = values_and_openings(&q.to_bytes());
        let name = segments.get(i).copied().unwrap_or("trace segment");
        parts.push((format!("STARK: {name} queries, values"), values));
        parts.push((format!("STARK: {name} queries, Merkle openings"), openings));
    }
    let (values, openings) = values_and_openings(&proof.constraint_queries.to_bytes());
    parts.push(("STARK: constraint queries, values".into(), values));
    parts.push(("STARK: constraint queries, Merkle openings".into(), openings));
    let fri = proof.fri_proof.to_bytes().len();
    let remainder = proof.fri_proof.num_remainder_elements::<Felt>() * 32;
    parts.push((
        format!("STARK: FRI layers ({} layers, values and openings)", proof.fri_proof.num_layers()),
        fri - remainder,
    ));
    parts.push(("STARK: FRI remainder polynomial".into(), remainder));
    parts.push(("STARK: out-of-domain frame".into(), proof.ood_frame.to_bytes().len()));
    let listed: usize = parts[4..].iter().map(|p| p.1).sum();
    parts.push(("STARK: context, commitments, proof-of-work nonce".into(), stark - listed));
    Ok(parts.into_iter().map(|(name, bytes)| Part { name, bytes }).collect())
}
