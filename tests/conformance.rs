//! ONNX backend node-test conformance of the fixed-point reference runtime.
//!
//! Runs the node tests of ONNX 1.22.0 (fetched by `scripts/fetch-onnx-tests.sh`)
//! through cairn: every test whose nodes all use operators of cairn's op table
//! is a *candidate*, and `tests/conformance/manifest.txt` says for each one
//! whether it must pass (`include`) or is deliberately not run (`exclude`, with
//! the reason). Each included test is evaluated in fixed point at the scale
//! that calibration picks from the test's own inputs; integer outputs must be
//! exact, real outputs within the per-op tolerance documented in
//! `docs/fixed-point.md` (`Conformance tolerance: atol A, rtol R.` in the op's
//! section).
//!
//! Run with `cargo test --test conformance -- --nocapture` to see the per-op
//! table. `CAIRN_CONFORMANCE_TRY_ALL=1` also runs the excluded candidates and
//! lists those that would pass (candidates for promotion), without failing.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use cairn_runtime::{FixedArith, Literal, LiteralData, Scale, Value};
use cairn_transpiler::calibrate::{calibrate, DEFAULT_HEADROOM_BITS};
use cairn_transpiler::codegen::{transpile, TranspileOptions};
use cairn_transpiler::inputs::{BoundSample, InputData};
use cairn_transpiler::ir::{Model, TensorContent};
use cairn_transpiler::load::{load_model, load_tensor_bytes};
use cairn_transpiler::network::Network;
use cairn_transpiler::ops::OPS;
use cairn_transpiler::outputs::fixed_outputs;
use regex::Regex;

const ONNX_VERSION: &str = "1.22.0";

fn data_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("CAIRN_ONNX_NODE_TESTS") {
        return PathBuf::from(p);
    }
    let cache = match std::env::var_os("CAIRN_CACHE") {
        Some(c) => PathBuf::from(c),
        None => PathBuf::from(std::env::var_os("HOME").expect("HOME is not set")).join(".cache/cairn"),
    };
    cache.join(format!("onnx-{ONNX_VERSION}")).join("node")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------- manifest

#[derive(Debug)]
enum Kind {
    /// `tags`: `atol=<f>` / `rtol=<f>` loosen the op tolerance for these tests
    /// (only for defects of the reference data, explained in a comment);
    /// `suspected-bug` marks tests that fail because of a reported cairn bug.
    Include {
        tags: Vec<String>,
        loosen: Tolerance,
    },
    Exclude {
        reason: String,
    },
}

#[derive(Debug)]
struct Rule {
    line: usize,
    pattern: String,
    re: Regex,
    kind: Kind,
}

impl Rule {
    fn is_include(&self) -> bool {
        matches!(self.kind, Kind::Include { .. })
    }

    fn describe(&self) -> String {
        let word = if self.is_include() { "include" } else { "exclude" };
        format!("manifest line {} ({word} {})", self.line, self.pattern)
    }
}

fn parse_manifest(path: &Path) -> Vec<Rule> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut rules = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let body = raw.split('#').next().unwrap_or("").trim();
        if body.is_empty() {
            continue;
        }
        let bad = |why: &str| -> ! { panic!("{}:{line}: {why}: {raw}", path.display()) };
        let (word, rest) = body
            .split_once(char::is_whitespace)
            .unwrap_or_else(|| bad("expected `include <regex> [tags]` or `exclude <regex> -- <reason>`"));
        let rest = rest.trim();
        let (pattern, kind) = match word {
            "include" => {
                let mut parts = rest.split_whitespace();
                let pattern = parts.next().unwrap_or_else(|| bad("missing regex"));
                let tags: Vec<String> = match parts.next() {
                    None => Vec::new(),
                    Some(t) => {
                        let inner = t
                            .strip_prefix('[')
                            .and_then(|t| t.strip_suffix(']'))
                            .unwrap_or_else(|| bad("tags must be written [tag,tag...]"));
                        inner.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
                    }
                };
                if parts.next().is_some() {
                    bad("unexpected text after the tags");
                }
                let mut loosen = Tolerance { atol: 0.0, rtol: 0.0 };
                for tag in &tags {
                    let num =
                        |v: &str| v.parse::<f64>().unwrap_or_else(|e| bad(&format!("bad number in tag {tag}: {e}")));
                    if let Some(v) = tag.strip_prefix("atol=") {
                        loosen.atol = num(v);
                    } else if let Some(v) = tag.strip_prefix("rtol=") {
                        loosen.rtol = num(v);
                    } else if tag != "suspected-bug" {
                        bad(&format!("unknown tag {tag} (known: atol=<f>, rtol=<f>, suspected-bug)"));
                    }
                }
                (pattern.to_string(), Kind::Include { tags, loosen })
            }
            "exclude" => {
                let (pattern, reason) =
                    rest.split_once(" -- ").unwrap_or_else(|| bad("an exclusion needs ` -- <reason>`"));
                let (pattern, reason) = (pattern.trim(), reason.trim());
                if pattern.contains(char::is_whitespace) || pattern.is_empty() {
                    bad("the regex must be one word");
                }
                if reason.is_empty() {
                    bad("empty reason");
                }
                (pattern.to_string(), Kind::Exclude { reason: reason.to_string() })
            }
            _ => bad("lines start with `include` or `exclude`"),
        };
        let re = Regex::new(&format!("^(?:{pattern})$")).unwrap_or_else(|e| bad(&format!("bad regex: {e}")));
        rules.push(Rule { line, pattern, re, kind });
    }
    rules
}

// -------------------------------------------------------------- tolerances

#[derive(Clone, Copy, Debug, PartialEq)]
struct Tolerance {
    atol: f64,
    rtol: f64,
}

impl Tolerance {
    fn loosest(self, o: Tolerance) -> Tolerance {
        Tolerance { atol: self.atol.max(o.atol), rtol: self.rtol.max(o.rtol) }
    }

    fn allows(self, got: f64, want: f64) -> bool {
        (got - want).abs() <= self.atol + self.rtol * want.abs()
    }
}

/// Tolerances by op type, and where each came from.
struct Tolerances {
    by_op: BTreeMap<String, (Tolerance, &'static str)>,
}

/// `Conformance tolerance: atol <float>, rtol <float>.` in a `### <OpType>` section.
fn parse_doc_tolerances(text: &str) -> BTreeMap<String, Tolerance> {
    let line_re = Regex::new(r"^Conformance tolerance: atol (\S+), rtol (\S+?)\.$").unwrap();
    let mut out = BTreeMap::new();
    let mut section: Option<String> = None;
    for line in text.lines() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix("### ") {
            section = Some(h.trim().to_string());
        } else if t.starts_with("# ") || t.starts_with("## ") {
            section = None;
        } else if let (Some(op), Some(c)) = (&section, line_re.captures(t)) {
            let parse = |s: &str| {
                s.parse::<f64>().unwrap_or_else(|e| panic!("docs/fixed-point.md, ### {op}: bad number {s:?}: {e}"))
            };
            out.insert(op.clone(), Tolerance { atol: parse(&c[1]), rtol: parse(&c[2]) });
        }
    }
    out
}

fn load_tolerances() -> Tolerances {
    let path = root().join("docs/fixed-point.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let by_op = parse_doc_tolerances(&text).into_iter().map(|(op, t)| (op, (t, "docs/fixed-point.md"))).collect();
    Tolerances { by_op }
}

impl Tolerances {
    fn for_ops(&self, ops: &BTreeSet<String>) -> Result<Tolerance, String> {
        let mut tol: Option<Tolerance> = None;
        for op in ops {
            // Sections are titled by the bare op type (`### Binarizer` for `ai.onnx.ml.Binarizer`).
            let bare = op.strip_prefix("ai.onnx.ml.").unwrap_or(op);
            let Some((t, _)) = self.by_op.get(bare) else {
                return Err(format!(
                    "no conformance tolerance for {op}: add `Conformance tolerance: atol A, rtol R.` to its section in docs/fixed-point.md"
                ));
            };
            tol = Some(tol.map_or(*t, |x| x.loosest(*t)));
        }
        tol.ok_or_else(|| "the test has no operators".to_string())
    }
}

// ------------------------------------------------------------------ cases

struct Case {
    name: String,
    dir: PathBuf,
    ops: BTreeSet<String>,
    candidate: bool,
    model: Option<Model>,
}

fn discover(dir: &Path) -> Vec<Case> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("test_"))
        .collect();
    names.sort();
    let supported = |domain: &str, op: &str| cairn_transpiler::ops::lookup(domain, op).is_some();
    names
        .into_iter()
        .map(|name| {
            let dir = dir.join(&name);
            match load_model(&dir.join("model.onnx")) {
                Ok(model) => {
                    let nodes = &model.graph.nodes;
                    let ops: BTreeSet<String> =
                        nodes.iter().map(|n| cairn_transpiler::network::qualified_op(&n.domain, &n.op_type)).collect();
                    let candidate = nodes.iter().all(|n| supported(&n.domain, &n.op_type));
                    Case { name, dir, ops, candidate, model: Some(model) }
                }
                // Unreadable by cairn: not a candidate (no node list to judge).
                Err(_) => Case { name, dir, ops: BTreeSet::new(), candidate: false, model: None },
            }
        })
        .collect()
}

// -------------------------------------------------------------- running

fn read_tensor(path: &Path) -> Result<Literal, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let t = load_tensor_bytes(&bytes, &name).map_err(|e| e.to_string())?;
    match t.content {
        TensorContent::Literal(l) => Ok(l),
        TensorContent::Unusable(reason) => Err(format!("{name}: {reason}")),
    }
}

fn count_files(dir: &Path, prefix: &str) -> usize {
    (0..).take_while(|i| dir.join(format!("{prefix}_{i}.pb")).exists()).count()
}

fn flat_f64(l: &Literal) -> Vec<f64> {
    match &l.data {
        LiteralData::Real(v) => v.clone(),
        LiteralData::Int(v) => v.iter().map(|&x| x as f64).collect(),
    }
}

/// What a passing test measured on its real outputs.
#[derive(Clone, Copy, Debug, Default)]
struct Measured {
    /// Largest |got − want|.
    max_abs: f64,
    /// Largest |got − want| / (atol + rtol·|want|): how much of the tolerance was used.
    max_used: f64,
}

type Outcome = Result<Measured, String>;

/// The network, its bound inputs and the scale calibration picks for them.
fn prepare(case: &Case, model: &Model) -> Result<(Network, BoundSample, Scale), String> {
    let data = case.dir.join("test_data_set_0");
    let n_in = count_files(&data, "input");
    if n_in != model.graph.inputs.len() {
        return Err(format!("{n_in} input files for {} graph inputs", model.graph.inputs.len()));
    }
    let (model, files) = bake_real_parameters(model, &data)?;
    let net = Network::resolve(model).map_err(|e| e.to_string())?;
    let mut tensors = Vec::with_capacity(files.len());
    for (&i, gi) in files.iter().zip(&net.inputs) {
        let lit = read_tensor(&data.join(format!("input_{i}.pb")))?;
        if lit.dtype != gi.dtype {
            return Err(format!("input_{i}.pb is {} but graph input '{}' is {}", lit.dtype, gi.name, gi.dtype));
        }
        let d = match lit.data {
            LiteralData::Real(v) => InputData::Real(v),
            LiteralData::Int(v) => InputData::Int(v),
        };
        tensors.push((lit.shape, d));
    }
    let bound = BoundSample { tensors };

    let report = calibrate(&net, std::slice::from_ref(&bound), DEFAULT_HEADROOM_BITS)
        .map_err(|e| format!("calibration: {e}"))?;
    let scale = Scale::new(report.scale).map_err(|e| format!("calibration: {e}"))?;
    Ok((net, bound, scale))
}

/// Real parameters that exported models hold as constants but the node
/// tests pass as graph inputs — Resize's `roi` and `scales`, Upsample's
/// `scales` — become initializers with the test's values: their importers
/// read them as f64 (a quantized real input is not the value any more).
/// Returns the model and, for each remaining graph input, its file index.
fn bake_real_parameters(model: &Model, data: &Path) -> Result<(Model, Vec<usize>), String> {
    use cairn_transpiler::ir::TensorData;
    let params: BTreeSet<&str> = model
        .graph
        .nodes
        .iter()
        .flat_map(|n| {
            let from = match n.op_type.as_str() {
                "Resize" | "Upsample" => 1,
                _ => usize::MAX,
            };
            n.inputs.iter().skip(from).map(String::as_str)
        })
        .collect();
    let mut model = model.clone();
    let mut files = Vec::new();
    let inputs = std::mem::take(&mut model.graph.inputs);
    for (i, vi) in inputs.into_iter().enumerate() {
        let lit = read_tensor(&data.join(format!("input_{i}.pb")))?;
        if params.contains(vi.name.as_str()) && matches!(lit.data, LiteralData::Real(_)) {
            model.graph.initializers.push(TensorData {
                name: vi.name.clone(),
                elem_type: lit.dtype.onnx_code(),
                dims: lit.shape.iter().map(|&d| d as i64).collect(),
                content: TensorContent::Literal(lit),
            });
        } else {
            files.push(i);
            model.graph.inputs.push(vi);
        }
    }
    Ok((model, files))
}

/// Runs one test; `Err` describes the first problem.
fn run_case(case: &Case, model: &Model, tolerances: &Tolerances, loosen: Tolerance) -> Outcome {
    let data = case.dir.join("test_data_set_0");
    let (net, bound, scale) = prepare(case, model)?;
    let fx = FixedArith::new(scale);
    let values = net.input_values(&fx, &bound).map_err(|e| e.to_string())?;
    let got = net.evaluate(&fx, values).map_err(|e| e.to_string())?;

    let n_out = count_files(&data, "output");
    if n_out != net.outputs.len() {
        return Err(format!("{n_out} output files for {} graph outputs", net.outputs.len()));
    }
    let names: Vec<String> = net.outputs.iter().map(|o| o.name.clone()).collect();
    let shown = fixed_outputs(&names, &got, scale);
    let mut measured = Measured::default();
    for (j, (value, out)) in got.iter().zip(&shown).enumerate() {
        let want = read_tensor(&data.join(format!("output_{j}.pb")))?;
        let what = format!("output {j} ('{}')", out.name);
        if out.shape != want.shape {
            return Err(format!("{what}: shape {:?}, want {:?}", out.shape, want.shape));
        }
        if out.dtype != want.dtype.name() {
            return Err(format!("{what}: dtype {}, want {}", out.dtype, want.dtype));
        }
        match (value, &want.data) {
            (Value::Int(..), LiteralData::Int(w)) => {
                if let Some(k) = out.raw.iter().zip(w).position(|(g, w)| g != w) {
                    return Err(format!("{what}[{k}]: got {}, want {} (exact)", out.raw[k], w[k]));
                }
            }
            (Value::Real(..), LiteralData::Real(w)) => {
                let tol = tolerances.for_ops(&case.ops)?.loosest(loosen);
                for (&g, &w) in out.values.iter().zip(w) {
                    let d = (g - w).abs();
                    measured.max_abs = measured.max_abs.max(d);
                    let allowed = tol.atol + tol.rtol * w.abs();
                    measured.max_used = measured.max_used.max(if d == 0.0 { 0.0 } else { d / allowed });
                }
                if let Some(k) = out.values.iter().zip(w).position(|(&g, &w)| !tol.allows(g, w)) {
                    return Err(format!(
                        "{what}[{k}]: got {:e}, want {:e} (|diff| {:.3e} > atol {:e} + rtol {:e}·|want|; scale {})",
                        out.values[k],
                        w[k],
                        (out.values[k] - w[k]).abs(),
                        tol.atol,
                        tol.rtol,
                        scale.bits()
                    ));
                }
            }
            _ => {
                let head: Vec<f64> = flat_f64(&want).into_iter().take(4).collect();
                let kind = if matches!(value, Value::Int(..)) { "an integer" } else { "a real" };
                return Err(format!("{what}: cairn produced {kind} tensor, want {} (starting {head:?})", want.dtype));
            }
        }
    }
    Ok(measured)
}

/// Runs a case, turning a panic into a failure.
fn run_guarded(case: &Case, tolerances: &Tolerances, loosen: Tolerance) -> Outcome {
    let Some(model) = &case.model else {
        return Err("model.onnx could not be loaded".into());
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_case(case, model, tolerances, loosen))) {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "(non-string panic)".into());
            Err(format!("PANIC: {msg}"))
        }
    }
}

/// Runs cases (each with its tolerance loosening) on all cores; results in input order.
fn run_all<'a>(cases: &[(&'a Case, Tolerance)], tolerances: &Tolerances) -> Vec<(&'a Case, Outcome)> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(cases.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<Option<Outcome>> = vec![None; cases.len()];
    let slots = std::sync::Mutex::new(&mut results);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= cases.len() {
                    break;
                }
                let r = run_guarded(cases[i].0, tolerances, cases[i].1);
                slots.lock().unwrap()[i] = Some(r);
            });
        }
    });
    cases.iter().map(|c| c.0).zip(results.into_iter().map(|r| r.expect("every case ran"))).collect()
}

// ------------------------------------------------------------------- test

#[derive(Default)]
struct Row {
    candidates: usize,
    included: usize,
    passed: usize,
    excluded: usize,
    /// Over the passing tests: largest |got − want| and largest share of the tolerance used.
    max_abs: f64,
    max_used: f64,
}

#[test]
#[ignore = "full tier: needs the ONNX test data (scripts/fetch-onnx-tests.sh)"]
fn onnx_node_tests() {
    let dir = data_dir();
    let has_tests = std::fs::read_dir(&dir)
        .map(|mut it| it.any(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().starts_with("test_"))))
        .unwrap_or(false);
    if !has_tests {
        panic!("ONNX node tests not found at {}; run scripts/fetch-onnx-tests.sh", dir.display());
    }
    let manifest_path = root().join("tests/conformance/manifest.txt");
    let rules = parse_manifest(&manifest_path);
    let tolerances = load_tolerances();
    let try_all = std::env::var("CAIRN_CONFORMANCE_TRY_ALL").is_ok_and(|v| !v.is_empty() && v != "0");

    let started = std::time::Instant::now();
    let cases = discover(&dir);
    let mut problems: Vec<String> = Vec::new();

    // Every candidate matches exactly one line; every line matches candidates only.
    let mut rule_of: BTreeMap<&str, &Rule> = BTreeMap::new();
    for c in cases.iter().filter(|c| c.candidate) {
        let hits: Vec<&Rule> = rules.iter().filter(|r| r.re.is_match(&c.name)).collect();
        match hits.as_slice() {
            [] => {
                problems.push(format!("candidate {} is not in the manifest (add an include or exclude line)", c.name))
            }
            [r] => {
                rule_of.insert(&c.name, r);
            }
            many => problems.push(format!(
                "{} is matched by several manifest lines: {}",
                c.name,
                many.iter().map(|r| r.describe()).collect::<Vec<_>>().join(", ")
            )),
        }
    }
    for r in &rules {
        let matched: Vec<&Case> = cases.iter().filter(|c| r.re.is_match(&c.name)).collect();
        if !matched.iter().any(|c| c.candidate) {
            problems.push(format!("{} matches no candidate test", r.describe()));
        }
        for c in matched.iter().filter(|c| !c.candidate) {
            let known = |o: &str| OPS.iter().any(|s| cairn_transpiler::network::qualified_op(s.domain, s.op_type) == o);
            let unsupported: Vec<&String> = c.ops.iter().filter(|o| !known(o)).collect();
            problems.push(format!(
                "{} matches {}, which is not a candidate (operators outside cairn's op table: {unsupported:?})",
                r.describe(),
                c.name
            ));
        }
    }

    let no_loosening = Tolerance { atol: 0.0, rtol: 0.0 };
    let mut included: Vec<(&Case, Tolerance)> = Vec::new();
    let mut excluded: Vec<(&Case, Tolerance)> = Vec::new();
    for c in &cases {
        match rule_of.get(c.name.as_str()).map(|r| &r.kind) {
            Some(Kind::Include { loosen, .. }) => included.push((c, *loosen)),
            Some(Kind::Exclude { .. }) => excluded.push((c, no_loosening)),
            None => {}
        }
    }

    let results = run_all(&included, &tolerances);
    let try_results = if try_all { run_all(&excluded, &tolerances) } else { Vec::new() };

    // Per-op table (a test with several op types counts once for each).
    let mut rows: BTreeMap<&str, Row> = BTreeMap::new();
    for c in cases.iter().filter(|c| c.candidate) {
        for op in &c.ops {
            rows.entry(op.as_str()).or_default().candidates += 1;
        }
    }
    for (c, r) in &results {
        for op in &c.ops {
            let row = rows.get_mut(op.as_str()).unwrap();
            row.included += 1;
            if let Ok(m) = r {
                row.passed += 1;
                row.max_abs = row.max_abs.max(m.max_abs);
                row.max_used = row.max_used.max(m.max_used);
            }
        }
    }
    for (c, _) in &excluded {
        for op in &c.ops {
            rows.get_mut(op.as_str()).unwrap().excluded += 1;
        }
    }
    let mut out = String::new();
    let n_candidates = cases.iter().filter(|c| c.candidate).count();
    let n_passed = results.iter().filter(|(_, r)| r.is_ok()).count();
    writeln!(
        out,
        "\nONNX {ONNX_VERSION} node tests at {}: {} tests, {n_candidates} candidates",
        dir.display(),
        cases.len()
    )
    .unwrap();
    writeln!(
        out,
        "{:<20} {:>8} {:>7} {:>8} {:>10}   {:>9} {:>8}  tolerance",
        "op type", "included", "passed", "excluded", "candidates", "max|diff|", "tol used"
    )
    .unwrap();
    for (op, r) in &rows {
        let tol = match tolerances.by_op.get(op.strip_prefix("ai.onnx.ml.").unwrap_or(op)) {
            Some((t, from)) => format!("atol {:e}, rtol {:e} ({from})", t.atol, t.rtol),
            None => "none".into(),
        };
        writeln!(
            out,
            "{op:<20} {:>8} {:>7} {:>8} {:>10}   {:>9.2e} {:>7.1}%  {tol}",
            r.included,
            r.passed,
            r.excluded,
            r.candidates,
            r.max_abs,
            r.max_used * 100.0
        )
        .unwrap();
    }
    writeln!(
        out,
        "{:<20} {:>8} {:>7} {:>8} {:>10}",
        "total (tests)",
        included.len(),
        n_passed,
        excluded.len(),
        n_candidates
    )
    .unwrap();
    writeln!(
        out,
        "(a test with several op types counts in each row; max|diff| and tol used — the largest share of\n \
         atol + rtol·|want| taken by any element — are over the real outputs of passing included tests)"
    )
    .unwrap();

    let mut by_reason: BTreeMap<&str, usize> = BTreeMap::new();
    for (c, _) in &excluded {
        if let Kind::Exclude { reason } = &rule_of[c.name.as_str()].kind {
            *by_reason.entry(reason.as_str()).or_default() += 1;
        }
    }
    if !by_reason.is_empty() {
        writeln!(out, "\nexcluded by reason:").unwrap();
        for (reason, n) in &by_reason {
            writeln!(out, "  {n:>4}  {reason}").unwrap();
        }
    }

    let failures: Vec<(&Case, &String)> =
        results.iter().filter_map(|(c, r)| r.as_ref().err().map(|e| (*c, e))).collect();
    if !failures.is_empty() {
        writeln!(out, "\nfailures ({}):", failures.len()).unwrap();
        for (c, e) in &failures {
            let tags = match &rule_of[c.name.as_str()].kind {
                Kind::Include { tags, .. } if !tags.is_empty() => format!(" [{}]", tags.join(",")),
                _ => String::new(),
            };
            writeln!(out, "  {}{tags}: {}", c.name, e.replace('\n', "\n      ")).unwrap();
        }
    }
    if try_all {
        let (pass, fail): (Vec<_>, Vec<_>) = try_results.iter().partition(|(_, r)| r.is_ok());
        writeln!(
            out,
            "\nCAIRN_CONFORMANCE_TRY_ALL: {} of {} excluded candidates would pass",
            pass.len(),
            try_results.len()
        )
        .unwrap();
        for (c, _) in &pass {
            writeln!(out, "  would pass: {}", c.name).unwrap();
        }
        for (c, r) in &fail {
            let e = r.as_ref().unwrap_err();
            writeln!(out, "  still fails: {}: {}", c.name, e.replace('\n', "\n      ")).unwrap();
        }
    }
    writeln!(out, "\n(ran in {:.1?})", started.elapsed()).unwrap();
    print!("{out}");

    for (c, e) in &failures {
        problems.push(format!("{} failed: {e}", c.name));
    }
    assert!(problems.is_empty(), "{} conformance problem(s):\n  {}", problems.len(), problems.join("\n  "));
}

/// The same included tests on the Cairo side: each one's generated Cairo
/// (through the fast dense path where it applies) must reproduce the reference
/// runtime's integers exactly, or panic where the reference rejects the input.
/// All tests become modules of one Cairo crate, compiled once and run with
/// cairo-lang-test-runner.
#[test]
#[ignore = "full tier: needs the ONNX test data (scripts/fetch-onnx-tests.sh) and compiles ~1k Cairo tests"]
fn onnx_node_tests_on_cairo() {
    let dir = data_dir();
    let rules = parse_manifest(&root().join("tests/conformance/manifest.txt"));
    let cases = discover(&dir);
    assert!(!cases.is_empty(), "ONNX node tests not found at {}; run scripts/fetch-onnx-tests.sh", dir.display());
    let included: Vec<&Case> = cases
        .iter()
        .filter(|c| c.candidate)
        .filter(|c| rules.iter().any(|r| r.re.is_match(&c.name) && matches!(r.kind, Kind::Include { .. })))
        .collect();
    let mut modules = Vec::new();
    let mut large = Vec::new();
    let mut problems = Vec::new();
    let mut specialized = 0;
    for case in &included {
        let Some(model) = &case.model else { continue };
        let module = case.name.to_lowercase();
        let prepared = prepare(case, model).and_then(|(net, bound, scale)| {
            // Parameters the test passes as inputs (axes, pads, shapes...) must
            // be known when Cairo code is generated: specialize the model on
            // the test's integer inputs when plain generation needs them.
            let plain = cairn_transpiler::codegen::testing::test_module(&net, &bound, scale, true, &module);
            match plain {
                Err(e) if e.contains("must be a constant") || e.contains("shape inference failed") => {
                    let (net, bound) = bake_int_inputs(net, bound)?;
                    specialized += 1;
                    Ok((net, bound, scale))
                }
                Err(e) => Err(e),
                Ok(_) => Ok((net, bound, scale)),
            }
        });
        let (net, bound, scale) = match prepared {
            Ok(p) => p,
            Err(e) => {
                problems.push(format!("{}: {e}", case.name));
                continue;
            }
        };
        let values: usize = bound.tensors.iter().map(|(s, _)| s.iter().product::<usize>()).sum();
        if values > LARGE_INPUT {
            large.push((case.name.clone(), net, bound, scale));
            continue;
        }
        match cairn_transpiler::codegen::testing::test_module(&net, &bound, scale, true, &module) {
            Ok(m) => modules.push(m),
            Err(e) => problems.push(format!("{}: {e}", case.name)),
        }
    }
    assert!(problems.is_empty(), "Cairo code generation failed for included tests:\n  {}", problems.join("\n  "));
    println!("{specialized} tests were specialized on their integer inputs");
    // Several smaller crates, compiled one after the other, keep the
    // compiler's memory in check (one crate of all modules peaks near 9 GB).
    let tc = cairn::cairo::Toolchain::locate().unwrap_or_else(|e| panic!("{e}"));
    let library = root().join("cairo/src");
    let project =
        cairn_transpiler::codegen::testing::test_project("conformance", library.to_str().expect("utf-8 path"));
    let t0 = std::time::Instant::now();
    for (i, chunk) in modules.chunks(MODULES_PER_CRATE).enumerate() {
        let crate_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cairo-conformance-{i}"));
        let _ = std::fs::remove_dir_all(&crate_dir);
        std::fs::create_dir_all(crate_dir.join("src")).expect("mkdir");
        std::fs::write(crate_dir.join("cairo_project.toml"), &project).expect("write project");
        std::fs::write(crate_dir.join("src/lib.cairo"), chunk.join("\n")).expect("write tests");
        tc.run_tests(&crate_dir, "").unwrap_or_else(|e| panic!("{e}"));
    }
    println!("{} ONNX node tests as Cairo #[test]s: Cairo == reference ({:.1?})", modules.len(), t0.elapsed());

    // Tests with large inputs run as executables: their inputs are arguments,
    // not literals in the code.
    let t1 = std::time::Instant::now();
    for (name, net, bound, scale) in &large {
        let opts = TranspileOptions {
            scale: *scale,
            input_shapes: Some(bound.tensors.iter().map(|(s, _)| s.clone()).collect()),
            model_name: format!("{name}.onnx"),
            fast_dense: true,
        };
        let package = transpile(net, &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cairo-conformance-large").join(name);
        package.write_to(&dir, b"").unwrap_or_else(|e| panic!("{name}: {e}"));
        let program = cairn::Package::open(&dir).and_then(|p| p.compile()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let fx = FixedArith::new(*scale);
        let reference = net.evaluate(&fx, net.input_values(&fx, bound).expect("quantize")).expect("reference");
        let outs = program.run(bound).unwrap_or_else(|e| panic!("{name}: {e}")).outputs;
        for (o, r) in outs.iter().zip(&reference) {
            let want = match r {
                Value::Real(t, _) | Value::Int(t, _) => t.data(),
            };
            assert_eq!(o.raw.as_slice(), want, "{name}: Cairo output '{}' differs from the reference", o.name);
        }
    }
    println!(
        "{} ONNX node tests with large inputs as executables: Cairo == reference ({:.1?})",
        large.len(),
        t1.elapsed()
    );
}

/// Inputs above this many values run as executables instead of literals in a test.
const LARGE_INPUT: usize = 4096;
/// Test modules per Cairo crate.
const MODULES_PER_CRATE: usize = 40;

/// Turns every integer graph input into a constant of the network.
fn bake_int_inputs(net: Network, bound: BoundSample) -> Result<(Network, BoundSample), String> {
    let mut consts = Vec::new();
    let mut kept = Vec::new();
    for (gi, (shape, data)) in net.inputs.iter().zip(bound.tensors) {
        match data {
            InputData::Int(v) => consts
                .push((gi.name.clone(), cairn_runtime::Literal { dtype: gi.dtype, shape, data: LiteralData::Int(v) })),
            real => kept.push((shape, real)),
        }
    }
    Ok((net.with_constant_inputs(consts).map_err(|e| e.to_string())?, BoundSample { tensors: kept }))
}
