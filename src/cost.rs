//! Cost reports: where a run's Cairo steps go, node by node, how many trace
//! rows proving it takes and why, and what that will cost the prover — read
//! before proving (`cairn run --profile`). Every figure but the estimate is
//! measured on a real run of the program.

use cairn_cairo::profile::attribute;
use cairn_cairo::Toolchain;
use cairn_prover::trace::RowNeeds;
use cairn_transpiler::inputs::BoundSample;
use serde::Serialize;

use crate::package::Program;
use crate::{Error, Result};

/// The prover's measured rates (blowup 2, 80 queries, 17 bits of grinding, the
/// AVX-512 IFMA FFT; a 131,072-row run, `prove_execution --loop 65532`: 6.7 prove
/// CPU-seconds and a 1.22 GB peak on the 2-core reference machine, docs/prover.md,
/// "Memory"; 9.3 CPU-seconds on a CPU without IFMA). Proving is close to linear in
/// rows (2^20 rows: 68 CPU-seconds, 9.5 GB); the estimate scales from there.
const MEASURED_ROWS: f64 = 131_072.0;
const MEASURED_CPU_SECONDS: f64 = 6.7;
const MEASURED_PEAK_BYTES: f64 = 1.22e9;

#[derive(Clone, Debug, Serialize)]
pub struct CostReport {
    /// Cairo steps of the whole run.
    pub steps: usize,
    /// Per node, in the program's order.
    pub nodes: Vec<NodeCost>,
    /// Steps outside every node: checking the inputs, copying outputs, the
    /// entry code.
    pub framing_steps: usize,
    /// Builtin instances used (range_check cells among them); serialized as
    /// an object, name → count.
    #[serde(serialize_with = "builtin_counts")]
    pub builtins: Vec<(String, usize)>,
    /// What each part of the run needs in trace rows.
    pub row_needs: RowNeeds,
    /// Rows of the trace the prover commits to (a power of two).
    pub trace_rows: usize,
    /// Which need sets the row count: `steps`, `memory` (program and public
    /// cells), `range_check_gaps` or `range_check_window`.
    pub rows_set_by: &'static str,
    pub estimate: ProveEstimate,
}

#[derive(Clone, Debug, Serialize)]
pub struct NodeCost {
    pub node: String,
    pub op_type: String,
    /// The Cairo function that computes it.
    pub function: String,
    pub steps: usize,
    /// steps / total steps.
    pub share: f64,
}

fn builtin_counts<S: serde::Serializer>(v: &[(String, usize)], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_map(v.iter().map(|(name, n)| (name, n)))
}

/// Scaled from measured rates, not measured: see [`CostReport`].
#[derive(Clone, Debug, Serialize)]
pub struct ProveEstimate {
    pub cpu_seconds: f64,
    pub peak_bytes: u64,
}

impl Program {
    /// Runs `sample` and charges every step to the node whose function was
    /// running (library calls and loops included). Compiles the package once
    /// more, with the compiler's map of where each function's code lies.
    pub fn cost_report(&self, sample: &BoundSample) -> Result<CostReport> {
        let run = self.run_for_proof(sample)?;
        let (nodes, framing_steps) = self.charge_nodes(&run)?;
        let steps = run.vm.steps;
        let builtins = run.vm.builtins.clone();
        let trace = self.trace(&run)?;
        let trace_rows = trace.len();
        let row_needs = trace.row_needs;
        let needs = [
            ("steps", row_needs.steps),
            ("memory", row_needs.memory),
            ("range_check_gaps", row_needs.range_check_gaps),
            ("range_check_window", row_needs.range_check_window),
        ];
        let rows_set_by = needs.iter().max_by_key(|(_, n)| *n).map(|(what, _)| *what).unwrap_or("steps");
        let ratio = trace_rows as f64 / MEASURED_ROWS;
        Ok(CostReport {
            steps,
            nodes,
            framing_steps,
            builtins,
            row_needs,
            trace_rows,
            rows_set_by,
            estimate: ProveEstimate {
                cpu_seconds: MEASURED_CPU_SECONDS * ratio,
                peak_bytes: (MEASURED_PEAK_BYTES * ratio) as u64,
            },
        })
    }

    /// The steps of each node (and of the framing) on `sample`, without
    /// building the AIR's trace: what cutting a model too big to prove
    /// into stages measures.
    pub fn node_steps(&self, sample: &BoundSample) -> Result<(Vec<NodeCost>, usize)> {
        let run = self.run_for_proof(sample)?;
        self.charge_nodes(&run)
    }

    /// Charges every step of a proof-mode run to its node (see
    /// [`Program::cost_report`]); returns the nodes and the framing's steps.
    fn charge_nodes(&self, run: &crate::Run) -> Result<(Vec<NodeCost>, usize)> {
        let (compiled, map) = Toolchain::locate()?.compile_executable_mapped(self.package().dir())?;
        if compiled.program_hash != self.program_hash() {
            return Err(Error::ProfileMismatch);
        }
        let functions = &self.manifest().node_functions;
        let charged = attribute(&run.vm.trace, &map, |f| {
            // Sierra names are paths (`model::node_fc1`); charge by the last segment.
            let last = f.rsplit("::").next().unwrap_or(f);
            functions.iter().any(|n| n.function == last).then(|| last.to_string())
        });
        let steps = run.vm.steps;
        let nodes: Vec<NodeCost> = functions
            .iter()
            .map(|n| {
                let s = charged.get(&Some(n.function.clone())).copied().unwrap_or(0);
                NodeCost {
                    node: n.node.clone(),
                    op_type: n.op_type.clone(),
                    function: n.function.clone(),
                    steps: s,
                    share: s as f64 / steps.max(1) as f64,
                }
            })
            .collect();
        let framing_steps = charged.get(&None).copied().unwrap_or(0);
        Ok((nodes, framing_steps))
    }
}
