//! The Python exceptions, and which one each library error becomes.
//!
//! Every failure to do what was asked is a `CairnError` subclass, named for
//! what went wrong (the inputs, the model, the package, the Cairo run, …).
//! A proof that verification rejects is `InvalidProof`, deliberately *not* a
//! `CairnError`: code that catches `CairnError` around a verification as "the
//! request was bad" can never swallow a rejected proof by accident.
//!
//! Messages are the library's, with their causes (`outer: inner: …`).

use cairn::market::starknet::StarknetError;
use cairn::prover::proof::VerifyError;
use cairn::transpiler::io::IoError;
use cairn::Error;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::PyErr;

create_exception!(_cairn, CairnError, PyException, "A cairn operation failed; the message says why.");
create_exception!(
    _cairn,
    InputError,
    CairnError,
    "Inputs or arguments that do not fit: a sample's names, shapes or values, a scale, a security level."
);
create_exception!(_cairn, ModelError, CairnError, "An ONNX model cairn cannot load or does not support.");
create_exception!(
    _cairn,
    EvaluationError,
    CairnError,
    "The fixed-point reference runtime (or calibration) failed: an overflow, a bad value at a node."
);
create_exception!(
    _cairn,
    PackageError,
    CairnError,
    "A Cairo package that cannot be generated, written, read or used (not compiled, a disagreeing hash)."
);
create_exception!(
    _cairn,
    CairoError,
    CairnError,
    "Compiling the Cairo package or running it on the Cairo VM failed (including a missing corelib)."
);
create_exception!(_cairn, ProvingError, CairnError, "A run could not be proved.");
create_exception!(
    _cairn,
    RegistryError,
    CairnError,
    "A Starknet call failed, or the registry's contracts refused it (the message has the revert reason)."
);
create_exception!(
    _cairn,
    InvalidProof,
    PyException,
    "Verification rejected the proof: not a cairn proof, corrupt, too weak, for another program, or false."
);

/// The error and its sources, `outer: inner: …`.
pub fn message(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut next = e.source();
    while let Some(inner) = next {
        let text = inner.to_string();
        // Some variants display their source transparently: do not repeat it.
        if !s.ends_with(&text) {
            s.push_str(": ");
            s.push_str(&text);
        }
        next = inner.source();
    }
    s
}

/// The Python exception for a library error.
pub fn to_py(e: Error) -> PyErr {
    let msg = message(&e);
    match &e {
        // A verifier asked for less than the floor: the caller's argument,
        // not the proof, is wrong.
        Error::Verify(VerifyError::WeakRequirement { .. }) => InputError::new_err(msg),
        // A proof without its bytecode, and no package to take it from.
        Error::Verify(VerifyError::ProgramMissing { .. }) => InputError::new_err(msg),
        Error::Verify(_) | Error::Bundle(_) => InvalidProof::new_err(msg),
        Error::Samples(_) | Error::Input { .. } | Error::NoSamples { .. } | Error::Scale(_) => InputError::new_err(msg),
        // A sample that the package's fixed shapes or scale cannot take.
        Error::PackageIo(IoError::Shape { .. } | IoError::TensorCount { .. } | IoError::Quantize { .. }) => {
            InputError::new_err(msg)
        }
        Error::Load(_) | Error::Unsupported { .. } => ModelError::new_err(msg),
        Error::Eval(_) | Error::Calibrate(_) => EvaluationError::new_err(msg),
        Error::Io { .. }
        | Error::Codegen(_)
        | Error::Package(_)
        | Error::PackageIo(_)
        | Error::NotCompiled { .. }
        | Error::HashDisagrees { .. }
        | Error::BadProgramHash { .. }
        | Error::OutputMismatch(_)
        | Error::ProfileMismatch
        | Error::Staging(_) => PackageError::new_err(msg),
        Error::Cairo(_) | Error::CairoRun { .. } | Error::NotEchoed | Error::Adapter(_) | Error::Trace(_) => {
            CairoError::new_err(msg)
        }
        Error::Prove(_) => ProvingError::new_err(msg),
        // An account or deployment file that cannot be read is the caller's to fix.
        Error::Starknet(StarknetError::Account(_) | StarknetError::Deployment { .. }) => InputError::new_err(msg),
        Error::Starknet(_) => RegistryError::new_err(msg),
    }
}

/// `Result<T, cairn::Error>` → `PyResult<T>`.
pub trait IntoPy<T> {
    fn py_err(self) -> pyo3::PyResult<T>;
}

impl<T> IntoPy<T> for Result<T, Error> {
    fn py_err(self) -> pyo3::PyResult<T> {
        self.map_err(to_py)
    }
}
