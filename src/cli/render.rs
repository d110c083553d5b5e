//! Human-readable renderings of command results.

use std::fmt::Write;
use std::path::Path;

use cairn::transpiler::codegen::Manifest;
use cairn::transpiler::inspect::{InspectReport, NodeInfo};
use cairn::transpiler::network::{qualified_op, Network};
use cairn::transpiler::ops;

use super::json::{Sample, Tensor};
use super::reports::{ProveReport, RunReport, VerifyReport};

/// Formats values compactly, eliding the middle of long lists.
fn list<T: std::fmt::Display>(items: &[T], limit: usize) -> String {
    if items.len() <= limit {
        return format!("[{}]", items.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", "));
    }
    let head: Vec<String> = items[..limit / 2].iter().map(|x| x.to_string()).collect();
    let tail: Vec<String> = items[items.len() - limit / 2..].iter().map(|x| x.to_string()).collect();
    format!("[{}, … {} more …, {}]", head.join(", "), items.len() - limit, tail.join(", "))
}

fn real(x: f64) -> String {
    format!("{x:.6}")
}

pub fn run_report(r: &RunReport, net: &Network) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "model    {} ({} nodes, opset {})", r.model, net.nodes.len(), net.opset);
    let _ =
        writeln!(s, "backend  {} (fixed point, scale 2^-{}: values are raw / {})", r.backend, r.scale, 1u64 << r.scale);
    if let Some(c) = &r.cairo {
        let steps: Vec<String> = c.steps.iter().map(|s| s.to_string()).collect();
        let _ = writeln!(s, "program  {} ({} bytecode words)", c.program_hash, c.bytecode_words);
        let _ = writeln!(s, "steps    {}", steps.join(", "));
        let used: Vec<String> = c.builtins.iter().filter(|(_, n)| *n > 0).map(|(b, n)| format!("{b} {n}")).collect();
        let _ = writeln!(s, "builtins {}", used.join(", "));
    }
    if let Some(c) = &r.calibration {
        let _ = writeln!(
            s,
            "calibration  scale {} chosen from {} sample(s) with {} bits of headroom; expected error vs f32: max {:.3e}, mean {:.3e}; argmax agrees on {}/{} rows",
            c.scale, c.samples, c.headroom_bits, c.max_abs_error, c.mean_abs_error, c.argmax_agree, c.argmax_rows
        );
    }
    for (i, sample) in r.samples.iter().enumerate() {
        if r.samples.len() > 1 {
            let _ = writeln!(s, "sample {i}");
        }
        tensors(&mut s, "", &sample.outputs);
    }
    s
}

/// Each tensor's values (as reals), raw fixed-point integers, and for an
/// output with rows the index of each row's largest value.
fn tensors(s: &mut String, label: &str, ts: &[Tensor]) {
    for o in ts {
        let _ = writeln!(s, "{label}{} {}{:?}", o.name, o.dtype, o.shape);
        let vals: Vec<String> = o.values.iter().map(|&v| real(v)).collect();
        let _ = writeln!(s, "  values  {}", list(&vals, 20));
        let _ = writeln!(s, "  raw     {}", list(&o.raw, 20));
        match o.argmax.as_deref() {
            Some([best]) => {
                let _ = writeln!(s, "  argmax  {best}");
            }
            Some(rows) => {
                let _ = writeln!(s, "  argmax  {} (per row)", list(rows, 20));
            }
            None => {}
        }
    }
}

/// A proven inference: its outputs, then the input the proof binds.
/// Proven samples (outputs and the inputs they were computed from), as
/// `verify` shows them.
pub fn proven_samples(samples: &[Sample]) -> String {
    let mut s = String::new();
    proven(&mut s, samples);
    s
}

fn proven(s: &mut String, samples: &[Sample]) {
    for sample in samples {
        tensors(s, "output ", &sample.outputs);
        tensors(s, "input  ", sample.inputs.as_deref().unwrap_or_default());
    }
}

pub fn prove_report(r: &ProveReport) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "proof    {} ({} bytes, {} bits of conjectured security)", r.proof, r.bytes, r.security_bits);
    let carried = if r.program_embedded {
        "bytecode in the proof: verifiable with --program-hash"
    } else {
        "bytecode left out: verify with --model <package>; --embed-program keeps it"
    };
    let _ = writeln!(s, "program  {} ({carried})", r.program_hash);
    let _ = writeln!(s, "trace    {} steps → {} rows × {} columns", r.steps, r.trace_rows, r.columns);
    for sample in &r.samples {
        tensors(&mut s, "output ", &sample.outputs);
    }
    s
}

pub fn verify_report(r: &VerifyReport) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "valid    yes: {} bits of conjectured security, {} trace rows", r.security_bits, r.trace_rows);
    match &r.checked_against {
        Some(what) => {
            let _ = writeln!(s, "program  {} (matches {what})", r.program_hash);
        }
        None => {
            let _ = writeln!(
                s,
                "program  {} (ANY program accepted: --any-program; this proves a computation ran, not which model)",
                r.program_hash
            );
        }
    }
    if r.samples.is_empty() {
        let _ = writeln!(s, "output   {} (proven cells, raw felts)", list(&r.output_felts, 20));
        if !r.unverified_samples.is_empty() {
            let _ = writeln!(
                s,
                "UNVERIFIED reading of those cells with the proof's own annotation (names, shapes and scale \
                 are the prover's word; pass --model <dir> to read them with your package):"
            );
            proven(&mut s, &r.unverified_samples);
        }
    } else {
        if let Some(src) = &r.manifest_source {
            let _ = writeln!(s, "reading the proven cells with the manifest of {src}");
        }
        proven(&mut s, &r.samples);
    }
    s
}

pub fn inspect_text(r: &InspectReport) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "model     {}", r.model);
    let _ = writeln!(
        s,
        "format    ONNX IR {}, opsets: {}, producer: {}",
        r.ir_version,
        r.opsets.join(", "),
        if r.producer.is_empty() { "-" } else { &r.producer }
    );
    for i in &r.inputs {
        let _ = writeln!(s, "input     {}: {}", i.name, i.ty);
    }
    for o in &r.outputs {
        let _ = writeln!(s, "output    {}: {}", o.name, o.ty);
        if let Some(note) = &o.note {
            let _ = writeln!(s, "          ({note})");
        }
    }
    let _ = write!(s, "weights   {} initializers, {} parameters", r.initializers, r.parameters);
    match (r.max_abs_weight, r.max_weight_scale) {
        (Some(m), Some(sc)) => {
            let _ = writeln!(s, "; largest |w| {m:.4e}, storable at scales up to {sc}");
        }
        _ => s.push('\n'),
    }
    if r.supported {
        let _ = writeln!(s, "status    supported: every node runs on cairn's fixed-point runtime");
    } else {
        let _ = writeln!(s, "status    NOT supported: {} problem(s), listed below", r.problems.len());
    }
    let _ = writeln!(s, "\nnodes ({}; shapes with symbolic dimensions = 1)", r.nodes.len());
    let w_name = r.nodes.iter().map(|n| n.name.len()).max().unwrap_or(4).max(4);
    let op = |n: &NodeInfo| qualified_op(&n.domain, &n.op_type);
    let w_op = r.nodes.iter().map(|n| op(n).len()).max().unwrap_or(2).max(2);
    for (i, n) in r.nodes.iter().enumerate() {
        let mark = if !n.problems.is_empty() {
            "✗"
        } else if ops::lookup(&n.domain, &n.op_type).is_some() {
            "✓"
        } else {
            "?"
        };
        let detail = if n.problems.is_empty() { n.shapes.join(", ") } else { n.problems.join("; ") };
        let _ = writeln!(s, "  {mark} {i:>3}  {:<w_name$}  {:<w_op$}  {detail}", n.name, op(n));
    }
    if let Some(e) = &r.shape_inference_error {
        let _ = writeln!(s, "\nshape inference stopped: {e}");
    }
    if !r.problems.is_empty() {
        let _ = writeln!(s, "\nproblems:");
        for p in &r.problems {
            let _ = writeln!(s, "  - {p}");
        }
        if !r.unsupported_ops.is_empty() {
            let _ = writeln!(s, "unsupported operators: {}", r.unsupported_ops.join(", "));
        }
    }
    s
}

pub fn transpile_summary(dir: &Path, m: &Manifest) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "package  {}", dir.display());
    let _ =
        writeln!(s, "model    {} (opset {}, {} nodes; generated ops: {})", m.model, m.opset, m.nodes, m.ops.join(", "));
    let _ = writeln!(s, "scale    2^-{}", m.scale);
    for i in &m.inputs {
        let _ = writeln!(s, "input    {}: {}{:?}", i.name, i.dtype, i.shape);
    }
    for o in &m.outputs {
        let _ = writeln!(s, "output   {}: {}{:?}", o.name, o.dtype, o.shape);
    }
    match &m.program_hash {
        Some(h) => {
            let _ = writeln!(s, "program  {h}");
        }
        None => {
            let _ = writeln!(s, "program  (not compiled)");
        }
    }
    let _ = writeln!(s, "run it   cairn run {} --input <file>", dir.display());
    s
}

/// What `cairn transpile --stages` made: each stage, what it computes and
/// hands over.
pub fn staged_summary(dir: &Path, staged: &cairn::StagedPackage) -> String {
    let m = staged.manifest();
    let mut s = String::new();
    let _ = writeln!(s, "package  {} (staged: {} stages)", dir.display(), m.stages.len());
    let _ = writeln!(s, "model    {}", m.model);
    let _ = writeln!(s, "scale    2^-{}", m.scale);
    for (i, stage) in m.stages.iter().enumerate() {
        let _ = writeln!(
            s,
            "stage {i}  {}: {} node{} ({}), reads {}, writes {}",
            stage.dir,
            stage.nodes.len(),
            if stage.nodes.len() == 1 { "" } else { "s" },
            stage.nodes.join(", "),
            stage.inputs.join(", "),
            stage.outputs.join(", ")
        );
        if let Some(h) = &stage.program_hash {
            let _ = writeln!(s, "         program {h}");
        }
    }
    match &m.model_hash {
        Some(h) => {
            let _ = writeln!(s, "model hash {h}");
        }
        None => {
            let _ = writeln!(s, "model hash (not compiled)");
        }
    }
    let _ = writeln!(s, "run it   cairn run {} --input <file>", dir.display());
    s
}

/// `cairn run --profile`: steps per node, biggest first, then rows and the
/// prover estimate.
pub fn cost_report(c: &cairn::CostReport) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "\ncost of one run, node by node (Cairo steps, measured):");
    let mut nodes: Vec<_> = c.nodes.iter().collect();
    nodes.sort_by_key(|n| std::cmp::Reverse(n.steps));
    let width = nodes.iter().map(|n| n.node.len()).max().unwrap_or(4).max(4);
    let _ = writeln!(s, "  {:<width$}  {:<22} {:>10} {:>7}", "node", "op", "steps", "share");
    for n in nodes {
        let _ = writeln!(s, "  {:<width$}  {:<22} {:>10} {:>6.1}%", n.node, n.op_type, n.steps, 100.0 * n.share);
    }
    let framing = c.framing_steps as f64 / c.steps.max(1) as f64;
    let _ = writeln!(
        s,
        "  {:<width$}  {:<22} {:>10} {:>6.1}%",
        "(framing)",
        "inputs, outputs, entry",
        c.framing_steps,
        100.0 * framing
    );
    let _ = writeln!(s, "  {:<width$}  {:<22} {:>10}", "total", "", c.steps);
    let builtins: Vec<String> = c.builtins.iter().filter(|(_, n)| *n > 0).map(|(b, n)| format!("{b} {n}")).collect();
    let _ = writeln!(s, "builtins     {}", builtins.join(", "));
    let r = &c.row_needs;
    let _ = writeln!(
        s,
        "trace rows   {} (set by {}; needs: steps {}, memory {}, range-check gaps {}, range-check window {})",
        c.trace_rows, c.rows_set_by, r.steps, r.memory, r.range_check_gaps, r.range_check_window
    );
    let _ = writeln!(
        s,
        "estimate     ~{:.1} prove CPU-seconds, ~{:.1} GB peak (scaled from the measured rate at 131,072 rows)",
        c.estimate.cpu_seconds,
        c.estimate.peak_bytes as f64 / 1e9
    );
    s
}
