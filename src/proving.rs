//! Proving one inference: the proof-mode run becomes the AIR's trace, the
//! trace a STARK proof. Each step is a function of its own so that callers
//! (the CLI, the benchmark) can time or report them; [`Program::prove`] does
//! them all.

use cairn_cairo::adapter::execution_input;
use cairn_prover::layout::{AUX_WIDTH, MAIN_WIDTH};
use cairn_prover::proof::{self, Header, Params, ProofShape};
use cairn_prover::trace::{build_trace, CairoTrace};
use cairn_transpiler::codegen::Manifest;
use cairn_transpiler::inputs::BoundSample;

use crate::package::{Program, Run};
use crate::Result;

/// Main + auxiliary columns of the AIR.
pub const COLUMNS: usize = MAIN_WIDTH + AUX_WIDTH;

/// A proof of one inference.
#[derive(Clone, Debug)]
pub struct Proof {
    /// The proof file (`cairn verify` reads it).
    pub bytes: Vec<u8>,
    pub header: Header,
    /// Cairo steps of the run, and rows of the trace (a power of two).
    pub steps: usize,
    pub trace_rows: usize,
}

impl Program {
    /// The AIR's trace of a run recorded with [`Program::run_for_proof`].
    pub fn trace(&self, run: &Run) -> Result<CairoTrace> {
        let input = execution_input(self.compiled(), &run.vm)?;
        Ok(build_trace(&input)?)
    }

    /// The rows the AIR's trace of a run will have, and what each part
    /// needs, without building it.
    pub fn trace_rows(&self, run: &Run) -> Result<(usize, cairn_prover::trace::RowNeeds)> {
        let input = execution_input(self.compiled(), &run.vm)?;
        Ok(cairn_prover::trace::planned_rows(&input)?)
    }

    /// Runs `sample`, builds the trace and proves it at `security_bits` of
    /// conjectured security (at least). The package manifest rides along in
    /// the proof, unverified, so that a verifier can show reals.
    pub fn prove(&self, sample: &BoundSample, security_bits: u32, program: ProgramInProof) -> Result<Proof> {
        self.prove_shaped(sample, security_bits, program, ProofShape::Fast)
    }

    /// As [`Program::prove`], with the proof tuned for `shape`
    /// (`ProofShape::Compact`: ~30 % smaller for ~1.5× the prove CPU).
    pub fn prove_shaped(
        &self,
        sample: &BoundSample,
        security_bits: u32,
        program: ProgramInProof,
        shape: ProofShape,
    ) -> Result<Proof> {
        let run = self.run_for_proof(sample)?;
        let steps = run.vm.steps;
        let trace = self.trace(&run)?;
        drop(run);
        prove_trace(trace, self.manifest(), security_bits, steps, program, shape)
    }
}

/// Whether a proof file carries its program's bytecode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProgramInProof {
    /// Left out (most of the file's size): the verifier supplies it from
    /// the package it trusts.
    #[default]
    Omitted,
    /// Carried, for verifiers that know only the program hash.
    Embedded,
}

/// Proves a trace; `steps` is the run's step count, for the report;
/// `shape` trades prove CPU for proof size.
pub fn prove_trace(
    trace: CairoTrace,
    manifest: &Manifest,
    security_bits: u32,
    steps: usize,
    program: ProgramInProof,
    shape: ProofShape,
) -> Result<Proof> {
    let trace_rows = trace.len();
    // The manifest is plain data: it always converts.
    let annotation = serde_json::to_value(manifest).unwrap_or_default();
    let (mut bytes, mut header) =
        proof::prove_annotated(trace, Params::for_shape(security_bits, shape), security_bits, annotation)?;
    if program == ProgramInProof::Omitted {
        (bytes, header) = proof::omit_program(&bytes)?;
    }
    Ok(Proof { bytes, header, steps, trace_rows })
}
