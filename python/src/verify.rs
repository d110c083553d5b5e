//! `_cairn.verify` and `_cairn.inspect`.

use std::path::PathBuf;

use cairn::prover::proof;
use cairn::{Expected, Felt, IoSource, VerifyPolicy};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::{message, InputError, IntoPy, ModelError};
use crate::outputs::tensors;
use crate::package::Package;
use crate::work::detached;

/// Verifies proof bytes against a trust anchor: the package the caller
/// trusts, a program hash, or — only when asked for explicitly — any program.
///
/// Returns a dict: `program_hash`, `security_bits`, `trace_rows`,
/// `output_cells` (the proven output segment, hex), `io_source`
/// (`"package"`, `"annotation"` or `None`), and `outputs` / `inputs` (tensors)
/// when a manifest reads the cells. With `io_source == "annotation"` the
/// tensors were read with the proof's own, unverified manifest.
#[pyfunction]
#[pyo3(signature = (proof, package=None, program_hash=None, any_program=false, min_security_bits=proof::DEFAULT_SECURITY_BITS))]
pub fn verify<'py>(
    py: Python<'py>,
    proof: &[u8],
    package: Option<&Package>,
    program_hash: Option<&str>,
    any_program: bool,
    min_security_bits: u32,
) -> PyResult<Bound<'py, PyDict>> {
    let given = match program_hash {
        Some(h) => Some(
            Felt::from_hex(h.trim())
                .map_err(|_| InputError::new_err(format!("program_hash {h:?} is not a hex field element")))?,
        ),
        None => None,
    };
    let expected = match (package, given) {
        (Some(p), h) => {
            let e = Expected::package(p.inner.clone()).py_err()?;
            match h {
                Some(h) => e.with_program_hash(h).py_err()?,
                None => e,
            }
        }
        (None, Some(h)) => Expected::program_hash(h),
        (None, None) if any_program => Expected::anything(),
        (None, None) => {
            return Err(InputError::new_err(
                "verify needs a trust anchor: model=<the package you trust> or program_hash=<its program hash>. \
                 any_program=True accepts a valid proof of any program, which proves that some computation ran, \
                 not which model",
            ))
        }
    };
    // Never the weak-security escape hatch: the floor always holds here.
    let policy = VerifyPolicy { min_security: min_security_bits, accept_weak: false };
    let v = detached(py, move || cairn::verify(proof, &expected, policy))?.py_err()?;
    let out = PyDict::new(py);
    out.set_item("program_hash", proof::hex(&v.proof.program_hash))?;
    out.set_item("security_bits", v.proof.security_bits)?;
    out.set_item("trace_rows", v.proof.trace_length)?;
    out.set_item("output_cells", v.proof.output.iter().map(proof::hex).collect::<Vec<_>>())?;
    let source = match &v.io_source {
        Some(IoSource::Package(_)) => Some("package"),
        Some(IoSource::Annotation) => Some("annotation"),
        None => None,
    };
    out.set_item("io_source", source)?;
    match v.io {
        Some(io) => {
            out.set_item("outputs", tensors(io.outputs))?;
            out.set_item("inputs", tensors(io.inputs))?;
        }
        None => {
            out.set_item("outputs", py.None())?;
            out.set_item("inputs", py.None())?;
        }
    }
    Ok(out)
}

/// The inspection report of an ONNX file, as JSON.
#[pyfunction]
pub fn inspect(py: Python<'_>, path: PathBuf) -> PyResult<String> {
    let report = detached(py, move || {
        cairn::transpiler::load::load_model(&path)
            .map(|model| cairn::transpiler::inspect::inspect_report(&path, model))
            .map_err(|e| ModelError::new_err(message(&e)))
    })??;
    serde_json::to_string(&report).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
}
