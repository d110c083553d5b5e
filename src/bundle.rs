//! Proof bundles: one proof per stage of a staged model, checked together
//! (docs/staged.md, "Bundles").
//!
//! Each stage proof says "this stage program, on these input cells, wrote
//! these output cells". A bundle proves the model's inference when, in
//! addition, the stage programs are the model's, in order (the package's
//! program hashes, or the model hash over them), and every link holds:
//! stage i's output cells are stage i+1's input cells.
//!
//! File layout (little-endian): `CAIRNBD1`, the stage count (u32), then per
//! stage its output cell count (u32), its proof's length (u64) and the
//! proof. Nothing may follow.

use std::ops::Range;

use cairn_cairo::vm::RunMode;
use cairn_prover::field::Felt as ProverFelt;
use cairn_prover::proof::{ProofShape, Verified};
use cairn_transpiler::inputs::BoundSample;
use cairn_transpiler::io::DecodedIo;
use thiserror::Error;

use crate::proving::{prove_trace, ProgramInProof, Proof};
use crate::staged::{staged_model_hash, StagedPackage, StagedProgram};
use crate::verifying::{verify, Expected, IoSource, VerifyPolicy};
use crate::{Error, Felt, Result};

pub const BUNDLE_MAGIC: &[u8; 8] = b"CAIRNBD1";
/// More stages than any model needs; a count above it is not a bundle.
pub const MAX_STAGES: usize = 4096;

#[derive(Debug, Error)]
pub enum BundleError {
    #[error("not a proof bundle (it does not start with {:?})", std::str::from_utf8(BUNDLE_MAGIC).unwrap_or_default())]
    NotABundle,
    #[error("the bundle is truncated")]
    Truncated,
    #[error("the bundle has {0} bytes after its last proof")]
    TrailingBytes(usize),
    #[error("the bundle holds {0} stage proofs; a bundle holds 1 to {MAX_STAGES}")]
    StageCount(u64),
    #[error("the bundle holds {got} stage proofs; the model has {want} stages")]
    WrongStageCount { got: usize, want: usize },
    #[error("the proof of stage {stage} is not valid for stage {stage} of the model")]
    Stage {
        stage: usize,
        #[source]
        source: Box<Error>,
    },
    #[error("stage {stage} says it writes {claimed} output cells; the model's stage {stage} writes {want}")]
    OutputCount { stage: usize, claimed: usize, want: usize },
    #[error("the proof of stage {stage} has no well-formed output segment for {outputs} output cells")]
    Segment { stage: usize, outputs: usize },
    #[error("broken chain: stage {} was not given the cells stage {stage} wrote", stage + 1)]
    BrokenLink { stage: usize },
    #[error("the stage programs hash to model {got:#x}, not the expected {want:#x}")]
    ModelHash { got: Felt, want: Felt },
}

/// A parsed bundle: per stage, its output cell count and proof bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    pub stages: Vec<StageProof>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageProof {
    /// How many of the proof's output cells are the stage's outputs (the
    /// rest echo its inputs).
    pub outputs: usize,
    pub proof: Vec<u8>,
}

impl Bundle {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = BUNDLE_MAGIC.to_vec();
        out.extend_from_slice(&(self.stages.len() as u32).to_le_bytes());
        for s in &self.stages {
            out.extend_from_slice(&(s.outputs as u32).to_le_bytes());
            out.extend_from_slice(&(s.proof.len() as u64).to_le_bytes());
            out.extend_from_slice(&s.proof);
        }
        out
    }

    /// Parses a bundle; never panics, whatever the bytes.
    pub fn parse(bytes: &[u8]) -> Result<Bundle, BundleError> {
        let mut rest = bytes.strip_prefix(BUNDLE_MAGIC.as_slice()).ok_or(BundleError::NotABundle)?;
        let count = take_u32(&mut rest)? as u64;
        if count == 0 || count > MAX_STAGES as u64 {
            return Err(BundleError::StageCount(count));
        }
        let mut stages = Vec::with_capacity(count as usize);
        for _ in 0..count {
            let outputs = take_u32(&mut rest)? as usize;
            let len = take_u64(&mut rest)?;
            if len > rest.len() as u64 {
                return Err(BundleError::Truncated);
            }
            let (proof, tail) = rest.split_at(len as usize);
            stages.push(StageProof { outputs, proof: proof.to_vec() });
            rest = tail;
        }
        if !rest.is_empty() {
            return Err(BundleError::TrailingBytes(rest.len()));
        }
        Ok(Bundle { stages })
    }
}

/// Whether `bytes` claim to be a bundle (a single proof never starts so).
pub fn is_bundle(bytes: &[u8]) -> bool {
    bytes.starts_with(BUNDLE_MAGIC)
}

fn take<const N: usize>(rest: &mut &[u8]) -> Result<[u8; N], BundleError> {
    let (head, tail) = rest.split_first_chunk::<N>().ok_or(BundleError::Truncated)?;
    *rest = tail;
    Ok(*head)
}

fn take_u32(rest: &mut &[u8]) -> Result<u32, BundleError> {
    Ok(u32::from_le_bytes(take::<4>(rest)?))
}

fn take_u64(rest: &mut &[u8]) -> Result<u64, BundleError> {
    Ok(u64::from_le_bytes(take::<8>(rest)?))
}

/// A staged inference proven: the bundle, and each stage's proof report.
#[derive(Clone, Debug)]
pub struct StagedProof {
    /// The bundle file (`cairn verify` reads it).
    pub bytes: Vec<u8>,
    pub stages: Vec<Proof>,
}

impl StagedProgram {
    /// Proves one inference of the staged model: the chain is run once to
    /// find every stage's input cells, then the stages, independent from
    /// there on, are proven by `jobs` threads (each holds one stage's trace
    /// at a time). The bundle does not depend on `jobs`. `on_proven` is
    /// called as each stage's proof is done.
    pub fn prove(
        &self,
        sample: &BoundSample,
        security_bits: u32,
        program: ProgramInProof,
        shape: ProofShape,
        jobs: usize,
        on_proven: &(dyn Fn(usize, &Proof) + Sync),
    ) -> Result<StagedProof> {
        let inputs = self.run(sample)?.inputs;
        let stages = prove_all(self.programs().len(), jobs, |i| {
            let prog = &self.programs()[i];
            let run = prog.run_cells(&inputs[i], RunMode::Proof)?;
            let steps = run.vm.steps;
            let trace = prog.trace(&run)?;
            drop(run);
            let proof = prove_trace(trace, prog.manifest(), security_bits, steps, program, shape)?;
            on_proven(i, &proof);
            Ok(proof)
        })?;
        let bundle = Bundle {
            stages: stages
                .iter()
                .zip(self.programs())
                .map(|(p, prog)| StageProof { outputs: prog.manifest().output_cells(), proof: p.bytes.clone() })
                .collect(),
        };
        Ok(StagedProof { bytes: bundle.to_bytes(), stages })
    }
}

/// Runs `work(i)` for i in 0..n on up to `jobs` threads, in order of i;
/// the first error wins.
fn prove_all(n: usize, jobs: usize, work: impl Fn(usize) -> Result<Proof> + Sync) -> Result<Vec<Proof>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Proof>>>> = Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, n.max(1)) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= n {
                    break;
                }
                let r = work(i);
                let failed = r.is_err();
                results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(r);
                if failed {
                    // no new stages after a failure
                    next.store(n, Ordering::SeqCst);
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    let mut out = Vec::with_capacity(n);
    for r in results {
        match r {
            Some(r) => out.push(r?),
            None => continue,
        }
    }
    Ok(out)
}

/// A segment `[len, outputs (n_out), inputs]` split into its output and
/// input cells; `None` when it is not well formed for `n_out`.
fn split_segment(segment: &[Felt], n_out: usize) -> Option<(Range<usize>, Range<usize>)> {
    let (len, values) = segment.split_first()?;
    if *len != Felt::from(values.len()) || n_out > values.len() {
        return None;
    }
    Some((1..1 + n_out, 1 + n_out..segment.len()))
}

/// What a bundle must be about.
#[derive(Clone, Debug)]
pub enum ExpectedModel {
    /// This staged package (compiled): its stage programs, in order; its
    /// manifests read the first input and the last output.
    Package(StagedPackage),
    /// The staged model with this hash (each proof must carry its program).
    ModelHash(Felt),
    /// Any stage programs (each proof carrying its own): the links are
    /// still checked, but the bundle proves that some chain of computations
    /// ran, not which model.
    Anything,
}

/// A verified bundle.
#[derive(Clone, Debug)]
pub struct VerifiedBundle {
    /// Poseidon over the stages' (program hash, output cell count), in order.
    pub model_hash: Felt,
    pub stages: Vec<Verified>,
    /// The model's input cells (stage 0's) and output cells (the last stage's).
    pub input_cells: Vec<Felt>,
    pub output_cells: Vec<Felt>,
    /// The cells read as tensors: with the package's manifests, or (not
    /// verified) the proofs' own annotations.
    pub io: Option<DecodedIo>,
    pub io_source: Option<IoSource>,
}

/// Verifies a bundle: every stage proof valid at the policy's security for
/// the model's stage program, the stages complete and in order, every link
/// intact. Never panics on any byte string.
pub fn verify_bundle(bytes: &[u8], expected: &ExpectedModel, policy: VerifyPolicy) -> Result<VerifiedBundle> {
    let bundle = Bundle::parse(bytes)?;
    let n = bundle.stages.len();
    // Cheap checks before any proof is verified.
    let packages = match expected {
        ExpectedModel::Package(p) => {
            if p.stages().len() != n {
                return Err(BundleError::WrongStageCount { got: n, want: p.stages().len() }.into());
            }
            for (i, (s, pkg)) in bundle.stages.iter().zip(p.stages()).enumerate() {
                let want = pkg.manifest().output_cells();
                if s.outputs != want {
                    return Err(BundleError::OutputCount { stage: i, claimed: s.outputs, want }.into());
                }
            }
            Some(p.stages())
        }
        ExpectedModel::ModelHash(_) | ExpectedModel::Anything => None,
    };
    let mut verified = Vec::with_capacity(n);
    let mut segments: Vec<Vec<Felt>> = Vec::with_capacity(n);
    // each stage's cells as its (trusted) package's manifest reads them
    let mut decoded: Vec<Option<DecodedIo>> = Vec::with_capacity(n);
    for (i, s) in bundle.stages.iter().enumerate() {
        let stage_expected = match packages {
            Some(pkgs) => Expected::package(pkgs[i].clone())?,
            None => Expected::anything(),
        };
        let v = verify(&s.proof, &stage_expected, policy)
            .map_err(|e| BundleError::Stage { stage: i, source: Box::new(e) })?;
        segments.push(v.proof.output.iter().map(ProverFelt::to_starknet).collect());
        decoded.push(if packages.is_some() { v.io } else { None });
        verified.push(v.proof);
    }
    let pairs: Vec<(Felt, usize)> =
        verified.iter().zip(&bundle.stages).map(|(v, s)| (v.program_hash.to_starknet(), s.outputs)).collect();
    let model_hash = staged_model_hash(&pairs);
    if let ExpectedModel::ModelHash(want) = expected {
        if model_hash != *want {
            return Err(BundleError::ModelHash { got: model_hash, want: *want }.into());
        }
    }
    let mut parts = Vec::with_capacity(n);
    for (i, (seg, s)) in segments.iter().zip(&bundle.stages).enumerate() {
        let split = split_segment(seg, s.outputs).ok_or(BundleError::Segment { stage: i, outputs: s.outputs })?;
        parts.push(split);
    }
    for i in 0..n.saturating_sub(1) {
        let written = &segments[i][parts[i].0.clone()];
        let given = &segments[i + 1][parts[i + 1].1.clone()];
        if written != given {
            return Err(BundleError::BrokenLink { stage: i }.into());
        }
    }
    let input_cells = segments[0][parts[0].1.clone()].to_vec();
    let output_cells = segments[n - 1][parts[n - 1].0.clone()].to_vec();
    // The model's input is stage 0's, its output the last stage's.
    let last = decoded.pop().flatten();
    let first = if n == 1 { last.clone() } else { decoded.swap_remove(0) };
    let (io, io_source) = match (expected, first, last) {
        (ExpectedModel::Package(p), Some(first), Some(last)) => (
            Some(DecodedIo { inputs: first.inputs, outputs: last.outputs }),
            Some(IoSource::Package(p.dir().to_owned())),
        ),
        _ => (None, None),
    };
    Ok(VerifiedBundle { model_hash, stages: verified, input_cells, output_cells, io, io_source })
}
