//! From a proof-mode run ([`vm`]'s view of cairo-vm) to the prover's input.
//! The only place that reads a run's memory layout and segments.

use cairn_prover::field::Felt;
use cairn_prover::public_input::{Builtin, Segment};
use cairn_prover::trace::{range_check_cells_wanted, window_growth_can_shorten, ExecutionInput};
use thiserror::Error;

use crate::vm::{self, CairoRun, RunMode};
use crate::{CairoError, CompiledProgram};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AdapterError {
    #[error(
        "the program uses the {0} builtin; cairn's AIR proves programs with the output and range_check builtins only"
    )]
    UnsupportedBuiltin(String),
    #[error("the run was not recorded for proving (no trace); run it in proof mode")]
    NoTrace,
    #[error("the run's public input lacks the {0} segment")]
    MissingSegment(String),
}

fn segment(run: &CairoRun, name: &str) -> Result<Segment, AdapterError> {
    let s = &run.public_input["memory_segments"][name];
    match (s["begin_addr"].as_u64(), s["stop_ptr"].as_u64()) {
        (Some(begin), Some(stop)) => Ok(Segment { begin, stop }),
        _ => Err(AdapterError::MissingSegment(name.into())),
    }
}

/// The prover's input for a run of `program`.
pub fn execution_input(program: &CompiledProgram, run: &CairoRun) -> Result<ExecutionInput, AdapterError> {
    if run.trace.is_empty() || run.memory.is_empty() {
        return Err(AdapterError::NoTrace);
    }
    let mut builtins = Vec::new();
    for b in &run.program_builtins {
        builtins.push(match b.as_str() {
            "output" => Builtin::Output,
            "range_check" => Builtin::RangeCheck,
            other => return Err(AdapterError::UnsupportedBuiltin(other.to_string())),
        });
    }
    // cairo-vm's proof mode always has an output builtin; the AIR expects it first.
    if builtins.first() != Some(&Builtin::Output) {
        builtins.insert(0, Builtin::Output);
    }
    let output_segment = segment(run, "output")?;
    let range_check_segment =
        if builtins.contains(&Builtin::RangeCheck) { Some(segment(run, "range_check")?) } else { None };
    Ok(ExecutionInput {
        trace: run.trace.iter().map(|t| (t.pc as u64, t.ap as u64, t.fp as u64)).collect(),
        memory: run.memory.iter().map(|m| m.as_ref().map(Felt::from_starknet)).collect(),
        program_len: program.bytecode.len(),
        builtins,
        output_segment,
        range_check_segment,
    })
}

/// Runs `program` on `args` in proof mode with the room above its
/// range_check segment that its trace can use
/// ([`range_check_cells_wanted`]): when the first run lacks it, a second
/// run reserves it. Both runs execute the same steps; only where cairo-vm
/// puts the segments after range_check differs.
pub fn run_for_proof(
    program: &CompiledProgram,
    args: &[starknet_types_core::felt::Felt],
) -> Result<CairoRun, CairoError> {
    let run = vm::run_proof_mode(&program.executable, args)?;
    if !window_growth_can_shorten(run.steps) {
        return Ok(run); // no copy of a large run's memory for nothing
    }
    // A run the prover cannot use is reported when it is proved.
    let wanted =
        execution_input(program, &run).ok().and_then(|input| range_check_cells_wanted(&input).ok()).unwrap_or(0);
    if wanted == 0 {
        return Ok(run);
    }
    drop(run);
    vm::run_reserving(&program.executable, args, RunMode::Proof, wanted)
}
