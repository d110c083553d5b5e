//! Stages cut to fit a trace-row bound (`cairn transpile --max-rows`), from
//! measured costs: the whole model is run once on a sample with every step
//! charged to its node (no trace is built), the nodes are cut greedily
//! into stages within a step budget, and then each stage's trace rows are
//! planned from a real run of it. A stage over the bound shrinks the
//! budget and the model is cut again.

use std::path::Path;

use cairn_cairo::vm::RunMode;
use cairn_runtime::Scale;
use cairn_transpiler::inputs::BoundSample;
use cairn_transpiler::stages::Dataflow;

use super::StagedPackage;
use crate::model::Model;
use crate::{Error, Result};

/// Cutting attempts before giving up (each shrinks the step budget).
const ATTEMPTS: usize = 6;

/// What fitting measured.
#[derive(Clone, Debug)]
pub struct FitReport {
    /// Steps of the whole model's run on the sample.
    pub whole_steps: usize,
    /// The step budget per stage the accepted cut used, and how many cuts
    /// were tried.
    pub budget: u64,
    pub attempts: usize,
    pub stages: Vec<StageFit>,
}

/// One stage's measured run.
#[derive(Clone, Debug)]
pub struct StageFit {
    pub steps: usize,
    /// The rows its parts need (the largest of steps, memory and range
    /// checks), and the trace's rows (the next power of two).
    pub rows_needed: usize,
    pub trace_rows: usize,
}

impl Model {
    /// Cuts the model into as few stages as fit `max_rows` trace rows each
    /// on `sample` (rows are a power of two) and writes them as a staged
    /// package at `dir`, compiled. `progress` hears about each attempt.
    pub fn transpile_staged_within(
        &self,
        dir: &Path,
        scale: Scale,
        sample: &BoundSample,
        max_rows: usize,
        progress: &dyn Fn(&str),
    ) -> Result<(StagedPackage, FitReport)> {
        let existed = dir.exists();
        let fitted = self.fit_stages(dir, scale, sample, max_rows, progress);
        // A cut that does not fit is not left behind where there was nothing.
        if fitted.is_err() && !existed {
            let _ = std::fs::remove_dir_all(dir);
        }
        fitted
    }

    fn fit_stages(
        &self,
        dir: &Path,
        scale: Scale,
        sample: &BoundSample,
        max_rows: usize,
        progress: &dyn Fn(&str),
    ) -> Result<(StagedPackage, FitReport)> {
        let net = self.network();
        let input_shapes: Vec<Vec<usize>> = sample.tensors.iter().map(|(s, _)| s.clone()).collect();
        let shapes = net.infer_shapes(&input_shapes).map_err(|e| Error::Staging(e.to_string()))?;
        let flow = Dataflow::new(net);

        progress("measuring the whole model's steps, node by node");
        let whole = self.cached_package(scale, sample)?.compile()?;
        let (nodes, framing) = whole.node_steps(sample)?;
        let whole_steps: usize = nodes.iter().map(|n| n.steps).sum::<usize>() + framing;
        let costs: Vec<u64> = flow
            .computed()
            .iter()
            .map(|&i| nodes.iter().find(|n| n.node == net.nodes[i].name).map_or(0, |n| n.steps as u64))
            .collect();
        drop(whole);

        // Room for each stage's framing (its inputs and outputs copied and
        // echoed) and for the rows memory and range checks may need.
        let mut budget = (max_rows as u64 * 3 / 4).saturating_sub(framing as u64).max(1);
        for attempt in 1..=ATTEMPTS {
            let plan = flow.within(budget, &costs);
            progress(&format!("attempt {attempt}: {} stages of at most ~{budget} steps", plan.stages.len()));
            let staged = self.write_stages(dir, scale, &input_shapes, &flow, &shapes, &plan)?;
            let program = staged.compile()?;
            let chain = program.run(sample)?;
            let mut fits = Vec::with_capacity(plan.stages.len());
            for (i, prog) in program.programs().iter().enumerate() {
                let run = prog.run_cells(&chain.inputs[i], RunMode::Proof)?;
                let (rows, needs) = prog.trace_rows(&run)?;
                let rows_needed =
                    needs.steps.max(needs.memory).max(needs.range_check_gaps).max(needs.range_check_window);
                fits.push(StageFit { steps: run.vm.steps, rows_needed, trace_rows: rows });
            }
            let worst = fits.iter().map(|f| f.trace_rows).max().unwrap_or(0);
            if worst <= max_rows {
                let package = program.package().clone();
                return Ok((package, FitReport { whole_steps, budget, attempts: attempt, stages: fits }));
            }
            // A stage that does not fit and cannot be cut further: a node,
            // or a dense layer with what is folded into it.
            if let Some((i, f)) =
                fits.iter().enumerate().find(|(i, f)| f.trace_rows > max_rows && !flow.divisible(&plan.stages[*i]))
            {
                let names: Vec<String> = plan.stages[i]
                    .computed
                    .iter()
                    .map(|&j| format!("'{}' ({})", net.nodes[j].name, net.nodes[j].op_type))
                    .collect();
                let what = if names.len() == 1 {
                    format!("node {} alone", names[0])
                } else {
                    format!("nodes {} (one folded unit)", names.join(", "))
                };
                return Err(Error::Staging(format!(
                    "{what} need{} {} trace rows ({} steps), more than --max-rows {max_rows}: a stage cannot split them",
                    if names.len() == 1 { "s" } else { "" },
                    f.trace_rows,
                    f.steps
                )));
            }
            let worst_stage = fits.iter().position(|f| f.trace_rows == worst).unwrap_or(0);
            progress(&format!(
                "stage {worst_stage} needs {} rows ({} steps): cutting again",
                fits[worst_stage].rows_needed, fits[worst_stage].steps
            ));
            // shrink in proportion to the worst overshoot, and a little more
            let needed = fits.iter().map(|f| f.rows_needed).max().unwrap_or(max_rows).max(max_rows);
            budget = ((budget as u128 * max_rows as u128 * 9 / (needed as u128 * 10)) as u64).max(1);
        }
        Err(Error::Staging(format!(
            "no cut of the model into stages of at most {max_rows} trace rows was found in {ATTEMPTS} attempts"
        )))
    }
}
