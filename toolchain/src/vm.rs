//! Running a compiled executable on cairo-vm in proof mode. This is the only
//! module that touches cairo-vm's types: everything leaves as cairn's own.

use cairo_lang_executable::executable::{EntryPointKind, Executable};
use cairo_lang_execute_utils::program_and_hints_from_executable;
use cairo_lang_runner::{Arg, CairoHintProcessor};
use cairo_vm::types::builtin_name::BuiltinName;
use cairo_vm::types::layout_name::LayoutName;
use cairo_vm::vm::errors::cairo_run_errors::CairoRunError;
use cairo_vm::vm::errors::vm_exception::VmException;
use cairo_vm::vm::runners::cairo_runner::CairoRunner;
use serde::{Deserialize, Serialize};
use starknet_types_core::felt::Felt;

use crate::CairoError;

/// One step of the relocated trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceEntry {
    pub pc: usize,
    pub ap: usize,
    pub fp: usize,
}

/// Everything a proof-mode run produces.
#[derive(Clone, Debug)]
pub struct CairoRun {
    /// The values the program wrote to the output builtin.
    pub output: Vec<Felt>,
    /// Executed steps (the trace length; no padding).
    pub steps: usize,
    /// Builtin name → instances used.
    pub builtins: Vec<(String, usize)>,
    /// The builtins the program declares, in VM order (e.g. `output`, `range_check`).
    pub program_builtins: Vec<String>,
    /// Relocated trace, one entry per step.
    pub trace: Vec<TraceEntry>,
    /// Relocated memory; index = address (address 0 is never used).
    pub memory: Vec<Option<Felt>>,
    /// cairo-vm's AIR public input, as JSON (layout, rc bounds, segments, public memory).
    pub public_input: serde_json::Value,
}

fn vm_err(e: impl std::fmt::Display) -> CairoError {
    CairoError::Vm(e.to_string())
}

/// How much of a run to record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunMode {
    /// Everything a prover needs: the trace, relocated memory, public input.
    Proof,
    /// Outputs, steps and builtin usage only (no trace kept): the same
    /// execution at a fraction of the memory, for checking outputs.
    Execute,
}

/// Runs the standalone entry point with `args` as the flat input array of
/// `fn main(input: Array<felt252>)`, in proof mode, layout `small` (output and
/// range_check builtins), with cairo-vm's trace padding disabled.
pub fn run_proof_mode(executable: &Executable, args: &[Felt]) -> Result<CairoRun, CairoError> {
    run(executable, args, RunMode::Proof)
}

/// Like [`run_proof_mode`]; with [`RunMode::Execute`] the trace, memory and
/// public input of the result are empty.
pub fn run(executable: &Executable, args: &[Felt], mode: RunMode) -> Result<CairoRun, CairoError> {
    run_reserving(executable, args, mode, 0)
}

/// Like [`run`], with the range_check segment allocated `extra_rc_cells`
/// cells beyond those the run used (and at least cairo-vm's own allocation).
/// The run is the same; only the segments relocated after range_check move
/// up. The prover fills the reserved cells with the 16-bit values its
/// range-check column lacks (`cairn_prover::trace::range_check_cells_wanted`),
/// which lets a small program's trace be shorter.
pub fn run_reserving(
    executable: &Executable,
    args: &[Felt],
    mode: RunMode,
    extra_rc_cells: usize,
) -> Result<CairoRun, CairoError> {
    let entrypoint = executable
        .entrypoints
        .iter()
        .find(|e| e.kind == EntryPointKind::Standalone)
        .ok_or_else(|| CairoError::Vm("the executable has no standalone entry point".into()))?;
    let program_builtins: Vec<String> = entrypoint.builtins.iter().map(|b| b.to_str().to_string()).collect();
    // Layout `small` has these builtins; cairo-vm fails obscurely on others
    // ("Memory addresses must be relocatable"), so say it up front.
    const SMALL_LAYOUT: [&str; 4] = ["output", "pedersen", "range_check", "ecdsa"];
    if let Some(b) = program_builtins.iter().find(|b| !SMALL_LAYOUT.contains(&b.as_str())) {
        return Err(CairoError::Vm(format!(
            "the program uses the {b} builtin, which cairn's Cairo VM layout (small: {}) does not have",
            SMALL_LAYOUT.join(", ")
        )));
    }
    let (program, string_to_hint) = program_and_hints_from_executable(executable, entrypoint).map_err(vm_err)?;
    // `main(input: Array<felt252>)` deserializes its parameter from [len, values...].
    let mut serialized = Vec::with_capacity(args.len() + 1);
    serialized.push(Arg::Value(Felt::from(args.len())));
    serialized.extend(args.iter().map(|&f| Arg::Value(f)));
    let mut hints = CairoHintProcessor {
        runner: None,
        user_args: vec![vec![Arg::Array(serialized)]],
        string_to_hint,
        starknet_state: Default::default(),
        run_resources: Default::default(),
        syscalls_used_resources: Default::default(),
        no_temporary_segments: false,
        markers: Default::default(),
        panic_traceback: Default::default(),
    };
    let proof = mode == RunMode::Proof;
    let runner = run_program(&program, &mut hints, proof, extra_rc_cells).map_err(|e| {
        let msg = e.to_string();
        // An #[executable]'s entry code asserts that `main` did not panic
        // (a panicking run is not provable); that assertion is what fails.
        if msg.contains("An ASSERT_EQ instruction failed: 0 != 1") {
            CairoError::Panic("the program panicked (its run cannot be proved)".into())
        } else {
            CairoError::Vm(msg)
        }
    })?;

    let segments = runner.get_memory_segment_addresses().map_err(vm_err)?;
    let output = match segments.get("output") {
        Some(&(begin, stop)) => {
            (begin..stop).map(|a| runner.relocated_memory.get(a).copied().flatten().unwrap_or(Felt::ZERO)).collect()
        }
        None => Vec::new(),
    };
    let resources = runner.get_execution_resources().map_err(vm_err)?;
    let mut builtins: Vec<(String, usize)> =
        resources.builtin_instance_counter.iter().map(|(b, n)| (b.to_str().to_string(), *n)).collect();
    builtins.sort();
    if !proof {
        return Ok(CairoRun {
            output,
            steps: resources.n_steps,
            builtins,
            program_builtins,
            trace: Vec::new(),
            memory: Vec::new(),
            public_input: serde_json::Value::Null,
        });
    }
    let trace: Vec<TraceEntry> = runner
        .relocated_trace
        .as_ref()
        .ok_or_else(|| CairoError::Vm("no relocated trace".into()))?
        .iter()
        .map(|t| TraceEntry { pc: t.pc, ap: t.ap, fp: t.fp })
        .collect();
    let public_input = serde_json::to_value(runner.get_air_public_input().map_err(vm_err)?).map_err(vm_err)?;
    let memory = runner.relocated_memory.clone();
    Ok(CairoRun { output, steps: trace.len(), builtins, program_builtins, trace, memory, public_input })
}

/// cairo-vm's `cairo_run_program` in proof mode (layout `small`, trace
/// padding disabled, no secure-run check), step for step, with room for
/// `extra_rc_cells` more range-check cells set before the segments are
/// relocated. (The error is cairo-vm's own, large; it is turned into a
/// [`CairoError`] at once.)
#[allow(clippy::result_large_err)]
fn run_program(
    program: &cairo_vm::types::program::Program,
    hints: &mut CairoHintProcessor,
    trace: bool,
    extra_rc_cells: usize,
) -> Result<CairoRunner, CairoRunError> {
    let mut runner = CairoRunner::new(program, LayoutName::small, None, true, trace, true)?;
    let end = runner.initialize(true)?;
    runner.run_until_pc(end, hints).map_err(|err| VmException::from_vm_error(&runner, err))?;
    // proof mode: one more step, so that `end` is the last one executed
    runner.run_for_steps(1, hints)?;
    runner.end_run(true, false, hints, false)?;
    runner.read_return_values(true)?;
    runner.finalize_segments()?;
    if extra_rc_cells > 0 {
        reserve_range_check_cells(&mut runner, extra_rc_cells);
    }
    runner.relocate(true, trace)?;
    Ok(runner)
}

fn reserve_range_check_cells(runner: &mut CairoRunner, extra: usize) {
    let Some(index) = runner.vm.builtin_runners.iter().find(|b| b.name() == BuiltinName::range_check).map(|b| b.base())
    else {
        return; // nothing to extend
    };
    let segments = &mut runner.vm.segments;
    segments.compute_effective_sizes();
    let used = segments.get_segment_used_size(index).unwrap_or(0);
    let allocated = segments.get_segment_size(index).unwrap_or(used);
    segments.finalize(Some(allocated.max(used + extra)), index, None);
}
