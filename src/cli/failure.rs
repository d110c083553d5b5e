//! How a failed command ends, so that scripts can tell a false proof from an
//! input they got wrong: the exit code, and with `--json` an error object on
//! standard output (README.md, "Exit codes").

use cairn::prover::proof::VerifyError;
use cairn::transpiler::io::IoError;
use serde::Serialize;

/// An argument or input file the command cannot use (a missing trust anchor,
/// a malformed hash, a sample of the wrong shape): the caller's to fix.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UnusableInput(pub String);

/// A failure whose command has already printed its report (`inspect` on a
/// model cairn cannot run): with `--json` nothing more is printed, so that
/// standard output stays one JSON document.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct AlreadyReported(pub String);

/// Whether the failure's command has printed its own report.
pub fn already_reported(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<AlreadyReported>().is_some())
}

/// What kind of failure ended a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    /// `verify` (or a registry command verifying) rejected the proof.
    InvalidProof,
    /// An argument or input the command cannot use.
    UnusableInput,
    /// Anything else: a model cairn cannot run, I/O, the Cairo toolchain, …
    Failed,
}

impl Failure {
    /// The kind of the innermost error that says.
    pub fn of(e: &anyhow::Error) -> Failure {
        for cause in e.chain() {
            if cause.downcast_ref::<UnusableInput>().is_some() {
                return Failure::UnusableInput;
            }
            if let Some(v) = cause.downcast_ref::<VerifyError>() {
                return of_verify(v);
            }
            if let Some(c) = cause.downcast_ref::<cairn::Error>() {
                match c {
                    cairn::Error::Verify(v) => return of_verify(v),
                    cairn::Error::Samples(_)
                    | cairn::Error::Input { .. }
                    | cairn::Error::NoSamples { .. }
                    | cairn::Error::Scale(_)
                    | cairn::Error::PackageIo(
                        IoError::Shape { .. } | IoError::TensorCount { .. } | IoError::Quantize { .. },
                    ) => return Failure::UnusableInput,
                    _ => {}
                }
            }
        }
        Failure::Failed
    }

    /// 3 for a rejected proof, 4 for unusable input, 1 otherwise (clap
    /// exits with 2 on arguments it cannot parse).
    pub fn exit_code(self) -> u8 {
        match self {
            Failure::InvalidProof => 3,
            Failure::UnusableInput => 4,
            Failure::Failed => 1,
        }
    }
}

fn of_verify(e: &VerifyError) -> Failure {
    match e {
        // The verifier's own request, not the proof, is what cannot be met.
        VerifyError::WeakRequirement { .. } | VerifyError::ProgramMissing { .. } => Failure::UnusableInput,
        _ => Failure::InvalidProof,
    }
}

/// The `--json` form of a failure: `{"error": {"kind", "message"}}`, with
/// `"valid": false` when a proof was rejected.
#[derive(Debug, Serialize)]
pub struct ErrorReport {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid: Option<bool>,
    pub error: ErrorBody,
}

#[derive(Debug, Serialize)]
pub struct ErrorBody {
    pub kind: Failure,
    /// The error and its causes, outermost first, as the text output shows it.
    pub message: String,
}

impl ErrorReport {
    pub fn new(e: &anyhow::Error) -> ErrorReport {
        let kind = Failure::of(e);
        ErrorReport {
            valid: (kind == Failure::InvalidProof).then_some(false),
            error: ErrorBody { kind, message: format!("{e:#}") },
        }
    }
}
