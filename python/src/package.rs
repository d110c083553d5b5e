//! `_cairn.Package` and `_cairn.Program`: a Cairo package on disk and its
//! compiled program, run on the Cairo VM and proved.

use std::path::PathBuf;

use cairn::proving::COLUMNS;
use cairn::transpiler::io::decode_io;
use cairn::{Error, Felt, ProgramInProof, ProofShape};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::{InputError, IntoPy};
use crate::model::{PyModel, PySamples};
use crate::outputs::{tensors, PyTensor};
use crate::work::detached;

/// A package directory written by `transpile`.
#[pyclass(frozen, module = "cairn._cairn")]
pub struct Package {
    pub(crate) inner: cairn::Package,
}

/// A compiled package, ready to run and prove.
#[pyclass(frozen, module = "cairn._cairn")]
pub struct Program {
    inner: cairn::Program,
}

/// What `Program.prove` returns: the proof file's bytes, the program hash,
/// Cairo steps, trace rows, trace columns, conjectured security bits, and the
/// proven outputs read with the package's manifest.
type ProofParts<'py> = (Bound<'py, PyBytes>, String, usize, usize, usize, u32, Vec<PyTensor>);

#[pymethods]
impl Package {
    /// Opens the package at `dir` (reads its manifest).
    #[staticmethod]
    fn open(dir: PathBuf) -> PyResult<Package> {
        Ok(Package { inner: cairn::Package::open(dir).py_err()? })
    }

    #[getter]
    fn dir(&self) -> String {
        self.inner.dir().display().to_string()
    }

    #[getter]
    fn scale(&self) -> u32 {
        self.inner.manifest().scale
    }

    /// The manifest (`cairn.json`) as JSON text.
    fn manifest_json(&self) -> String {
        self.inner.manifest().to_json()
    }

    /// The program hash the manifest records (`None` until compiled).
    #[getter]
    fn program_hash(&self) -> PyResult<Option<String>> {
        Ok(self.inner.program_hash().py_err()?.map(|h| format!("{h:#x}")))
    }

    /// The copy of the ONNX model inside the package.
    fn model(&self, py: Python<'_>) -> PyResult<PyModel> {
        let package = self.inner.clone();
        let model = detached(py, move || package.model())?.py_err()?;
        Ok(PyModel { inner: model.into() })
    }

    /// Compiles (or reuses the compiled `program.json`) and records the
    /// program hash in the manifest.
    fn compile(&self, py: Python<'_>) -> PyResult<Program> {
        let package = self.inner.clone();
        let program = detached(py, move || package.compile())?.py_err()?;
        Ok(Program { inner: program })
    }
}

#[pymethods]
impl Program {
    /// The package, with its manifest as compilation left it.
    #[getter]
    fn package(&self) -> Package {
        Package { inner: self.inner.package().clone() }
    }

    #[getter]
    fn program_hash(&self) -> String {
        format!("{:#x}", self.inner.program_hash())
    }

    #[getter]
    fn bytecode_words(&self) -> usize {
        self.inner.compiled().bytecode.len()
    }

    /// Runs each sample on the Cairo VM: its outputs and its step count.
    fn run(&self, py: Python<'_>, samples: &PySamples) -> PyResult<Vec<(Vec<PyTensor>, usize)>> {
        let program = &self.inner;
        let bound = &samples.samples;
        let runs = detached(py, move || {
            bound.iter().map(|s| program.run(s).map(|r| (r.outputs, r.vm.steps))).collect::<cairn::Result<Vec<_>>>()
        })?
        .py_err()?;
        Ok(runs.into_iter().map(|(outs, steps)| (tensors(outs), steps)).collect())
    }

    /// The cost report of running the one sample of `samples` (where the
    /// steps go per node, the trace rows a proof needs), as JSON.
    fn cost_report(&self, py: Python<'_>, samples: &PySamples) -> PyResult<String> {
        let [sample] = samples.samples.as_slice() else {
            return Err(InputError::new_err(format!(
                "a cost report is of one inference, but {} samples were given",
                samples.samples.len()
            )));
        };
        let program = &self.inner;
        let report = detached(py, move || program.cost_report(sample))?.py_err()?;
        serde_json::to_string(&report).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
    }

    /// Proves the one sample of `samples` at `security_bits` or more; the
    /// proof carries the program's bytecode only when `embed_program`, and is
    /// the smaller, slower-to-make shape when `compact`.
    fn prove<'py>(
        &self,
        py: Python<'py>,
        samples: &PySamples,
        security_bits: u32,
        embed_program: bool,
        compact: bool,
    ) -> PyResult<ProofParts<'py>> {
        let [sample] = samples.samples.as_slice() else {
            return Err(InputError::new_err(format!(
                "a proof covers one inference, but {} samples were given",
                samples.samples.len()
            )));
        };
        let program = &self.inner;
        let (proof, outputs) = detached(py, move || {
            let embed = if embed_program { ProgramInProof::Embedded } else { ProgramInProof::Omitted };
            let shape = if compact { ProofShape::Compact } else { ProofShape::Fast };
            let proof = program.prove_shaped(sample, security_bits, embed, shape)?;
            let cells: Vec<Felt> = proof.header.public_input.output.iter().map(|f| f.to_starknet()).collect();
            let io = decode_io(program.manifest(), &cells).map_err(Error::OutputMismatch)?;
            Ok::<_, Error>((proof, io.outputs))
        })?
        .py_err()?;
        Ok((
            PyBytes::new(py, &proof.bytes),
            proof.header.program_hash.clone(),
            proof.steps,
            proof.trace_rows,
            COLUMNS,
            proof.header.security_bits,
            tensors(outputs),
        ))
    }
}
