//! The library's error: one enum over every stage, each variant carrying the
//! typed error of the crate it comes from (and with it the node, operator,
//! input or file it is about), never a bare string.

use std::path::PathBuf;

use thiserror::Error;

use cairn_cairo::adapter::AdapterError;
use cairn_cairo::CairoError;
use cairn_prover::proof::{ProveError, VerifyError};
use cairn_prover::trace::TraceError;
use cairn_runtime::ScaleError;
use cairn_transpiler::calibrate::CalibrateError;
use cairn_transpiler::codegen::package::PackageError;
use cairn_transpiler::codegen::CodegenError;
use cairn_transpiler::inputs::InputError;
use cairn_transpiler::io::IoError;
use cairn_transpiler::load::LoadError;
use cairn_transpiler::{EvalError, UnsupportedModel};

#[derive(Debug, Error)]
pub enum Error {
    #[error("{}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{model}")]
    Unsupported { model: String, source: UnsupportedModel },
    #[error(transparent)]
    Scale(#[from] ScaleError),
    /// An input file that cannot be read or parsed.
    #[error(transparent)]
    Samples(Box<InputError>),
    /// A sample that does not fit the model's inputs.
    #[error("{path}{}", sample.map(|i| format!(" (sample {i})")).unwrap_or_default())]
    Input { path: String, sample: Option<usize>, source: Box<InputError> },
    #[error("{path} holds no samples")]
    NoSamples { path: String },
    #[error("calibration failed")]
    Calibrate(#[source] Box<CalibrateError>),
    /// The reference runtime failed (overflow, a bad input, …) at a node.
    #[error(transparent)]
    Eval(#[from] EvalError),
    #[error("Cairo code generation failed")]
    Codegen(#[from] CodegenError),
    #[error(transparent)]
    Package(#[from] PackageError),
    #[error(transparent)]
    PackageIo(#[from] IoError),
    #[error(transparent)]
    Cairo(#[from] CairoError),
    /// A Cairo run failed; the reference runtime, which has the same
    /// semantics, says where and why when it fails too.
    #[error("{}", cairo_run_message(cairo, reference))]
    CairoRun { cairo: CairoError, reference: Option<Box<Error>> },
    #[error("the proven output does not fit the package's manifest")]
    OutputMismatch(#[source] IoError),
    #[error("the program did not echo its input after its outputs")]
    NotEchoed,
    #[error(
        "recompiling the package for its cost report gave a different program; run `cairn transpile --force` again"
    )]
    ProfileMismatch,
    #[error("the run cannot be proved")]
    Adapter(#[from] AdapterError),
    #[error("the run cannot be proved")]
    Trace(#[from] TraceError),
    #[error(transparent)]
    Prove(#[from] ProveError),
    #[error(transparent)]
    Verify(#[from] VerifyError),
    #[error("{path} has no program hash in its manifest; compile it (`cairn transpile` without --no-compile)")]
    NotCompiled { path: PathBuf },
    #[error("the program hash {given:#x} differs from the program hash of {} ({package:#x})", path.display())]
    HashDisagrees { given: cairn_cairo::Felt, package: cairn_cairo::Felt, path: PathBuf },
    #[error("{path}: bad program hash {hash:?} in the manifest")]
    BadProgramHash { path: PathBuf, hash: String },
    /// A proof bundle is malformed or does not prove the staged model.
    #[error(transparent)]
    Bundle(#[from] crate::bundle::BundleError),
    /// A model could not be cut into stages, or a staged package is
    /// inconsistent (the message says where).
    #[error("{0}")]
    Staging(String),
    /// A Starknet call failed, or the registry's contracts refused it.
    #[error(transparent)]
    Starknet(#[from] cairn_starknet::StarknetError),
}

fn cairo_run_message(cairo: &CairoError, reference: &Option<Box<Error>>) -> String {
    match (cairo, reference) {
        (CairoError::Panic(_), Some(r)) => format!("the Cairo program panicked: {}", chain(r.as_ref())),
        (e, Some(r)) => format!("{e}; the reference runtime reports: {}", chain(r.as_ref())),
        (e, None) => format!("{e} (the reference runtime succeeds on this input: please report this)"),
    }
}

/// An error and its sources, `outer: inner: …` (what `{:#}` shows for anyhow).
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut next = e.source();
    while let Some(inner) = next {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        next = inner.source();
    }
    s
}

impl From<CalibrateError> for Error {
    fn from(e: CalibrateError) -> Self {
        Error::Calibrate(Box::new(e))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
