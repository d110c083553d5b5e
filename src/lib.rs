//! cairn: verifiable machine-learning inference on Starknet.
//!
//! An ONNX model is evaluated with exact, documented fixed-point semantics,
//! transpiled to a readable Cairo program that reproduces them bit for bit,
//! run on the Cairo VM, and the run proved with a STARK whose verification
//! states *this program, on this input, produced this output*. This crate is
//! the pipeline as a library — the `cairn` command line is a thin front end
//! over it:
//!
//! * [`Model`] — load and resolve an ONNX model; read samples; run the
//!   reference runtime; calibrate; transpile to a [`Package`];
//! * [`Package`] — a Cairo package on disk; [`Package::compile`] gives a
//!   [`Program`] (cached in the package);
//! * [`Program`] — run on the Cairo VM, [`Program::prove`] a [`Proof`];
//! * [`verify`] — check proof bytes against an [`Expected`] program;
//! * [`market`] — a package, a sample and a verified proof as the Starknet
//!   registry takes them (model version, input commitment, fact);
//! * [`Program::cost_report`] — where a run's steps go, node by node, and
//!   the trace rows proving it takes ([`CostReport`]).
//!
//! Errors are one typed [`Error`] that keeps the node, operator, input or
//! file they concern. Models, packages and programs are `Send + Sync`:
//! several threads may compile, run and prove at once.
//!
//! ```
//! use cairn::{verify, Expected, Model, ProgramInProof, Scale, VerifyPolicy};
//!
//! let model = Model::load("examples/mlp/model.onnx")?;
//! let sample = model.read_samples("examples/mlp/input.json")?.remove(0);
//! let scale = Scale::new(16)?;
//! // The exact fixed-point runtime: the ground truth.
//! let reference = model.evaluate(scale, &sample)?;
//!
//! // Transpile (into cairn's cache), compile, prove at ≥ 96 bits.
//! let program = model.cached_package(scale, &sample)?.compile()?;
//! let proof = program.prove(&sample, 96, ProgramInProof::Omitted)?;
//!
//! // Anyone holding the package can check the claim.
//! let expected = Expected::package(program.package().clone())?;
//! let verified = verify(&proof.bytes, &expected, VerifyPolicy::default())?;
//! let io = verified.io.expect("the package's manifest reads the cells");
//! assert_eq!(io.outputs[0].raw, reference[0].raw);
//! # Ok::<(), cairn::Error>(())
//! ```

pub mod bundle;
pub mod cost;
pub mod error;
pub mod market;
pub mod model;
pub mod package;
pub mod proving;
pub mod staged;
pub mod verifying;

pub use cairn_cairo::Felt;
pub use cairn_prover::proof::ProofShape;
pub use cairn_runtime::Scale;
pub use cairn_transpiler::inputs::{BoundSample, InputData, InputTensor, Sample};
pub use cairn_transpiler::outputs::OutputTensor;
pub use cost::CostReport;
pub use error::{Error, Result};
pub use model::Model;
pub use package::{Package, Program, Run};
pub use proving::{prove_trace, ProgramInProof, Proof};
pub use staged::{StagedPackage, StagedProgram, StagedRun};
pub use verifying::{verify, Expected, IoSource, VerifiedInference, VerifyPolicy};

/// The crates under the pipeline, for what it does not wrap.
pub use {cairn_cairo as cairo, cairn_prover as prover, cairn_runtime as runtime, cairn_transpiler as transpiler};
