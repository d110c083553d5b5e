//! Staged models (docs/staged.md) for Python: `_cairn.StagedPackage`, and
//! the pieces a distributed prover needs — every stage's input cells, one
//! stage proven from its package directory and input cells alone, the
//! bundle assembled from the stage proofs — and `verify_bundle`.

use std::path::PathBuf;

use cairn::bundle::{verify_bundle as verify, Bundle, ExpectedModel, StageProof};
use cairn::cairo::vm::RunMode;
use cairn::{Felt, ProgramInProof, ProofShape, VerifyPolicy};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::{InputError, IntoPy};
use crate::model::{PyModel, PySamples};
use crate::outputs::{tensors, PyTensor};
use crate::work::detached;

/// What `StagedPackage.prove` returns: the bundle's bytes, the model hash,
/// and (steps, trace rows, proof bytes) per stage.
type BundleMade<'py> = (Bound<'py, PyBytes>, String, Vec<(usize, usize, usize)>);

/// A staged package written by `transpile_staged`.
#[pyclass(frozen, module = "cairn._cairn")]
pub struct StagedPackage {
    inner: cairn::StagedPackage,
}

fn one<'a>(samples: &'a PySamples, what: &str) -> PyResult<&'a cairn::BoundSample> {
    match samples.samples.as_slice() {
        [sample] => Ok(sample),
        more => Err(InputError::new_err(format!("{what} is of one inference, but {} samples were given", more.len()))),
    }
}

fn shape(embed_program: bool, compact: bool) -> (ProgramInProof, ProofShape) {
    (
        if embed_program { ProgramInProof::Embedded } else { ProgramInProof::Omitted },
        if compact { ProofShape::Compact } else { ProofShape::Fast },
    )
}

fn felt(text: &str) -> PyResult<Felt> {
    Felt::from_hex(text.trim()).map_err(|_| InputError::new_err(format!("{text:?} is not a hex field element")))
}

#[pymethods]
impl StagedPackage {
    #[staticmethod]
    fn open(dir: PathBuf) -> PyResult<StagedPackage> {
        Ok(StagedPackage { inner: cairn::StagedPackage::open(dir).py_err()? })
    }

    #[getter]
    fn dir(&self) -> String {
        self.inner.dir().display().to_string()
    }

    #[getter]
    fn scale(&self) -> u32 {
        self.inner.manifest().scale
    }

    /// The model hash `stages.json` records (`None` until compiled).
    #[getter]
    fn model_hash(&self) -> Option<String> {
        self.inner.manifest().model_hash.clone()
    }

    /// Each stage's package directory, in order.
    fn stage_dirs(&self) -> Vec<String> {
        self.inner.stages().iter().map(|p| p.dir().display().to_string()).collect()
    }

    /// How many output cells each stage writes (the bundle records them).
    fn output_counts(&self) -> Vec<usize> {
        self.inner.stages().iter().map(|p| p.manifest().output_cells()).collect()
    }

    /// `stages.json` as JSON text.
    fn manifest_json(&self) -> String {
        serde_json::to_string(self.inner.manifest()).unwrap_or_default()
    }

    /// The whole model the stages were cut from.
    fn model(&self, py: Python<'_>) -> PyResult<PyModel> {
        let package = self.inner.clone();
        let model = detached(py, move || package.model())?.py_err()?;
        Ok(PyModel { inner: model.into() })
    }

    /// Compiles every stage (reusing compiled programs); the model hash.
    fn compile(&self, py: Python<'_>) -> PyResult<(StagedPackage, String)> {
        let package = self.inner.clone();
        let program = detached(py, move || package.compile())?.py_err()?;
        Ok((StagedPackage { inner: program.package().clone() }, format!("{:#x}", program.model_hash())))
    }

    /// Runs the chain on each sample: its outputs and each stage's steps.
    fn run(&self, py: Python<'_>, samples: &PySamples) -> PyResult<Vec<(Vec<PyTensor>, Vec<usize>)>> {
        let package = self.inner.clone();
        let bound = &samples.samples;
        let runs = detached(py, move || {
            let program = package.compile()?;
            bound
                .iter()
                .map(|s| program.run(s).map(|r| (r.outputs, r.stages.iter().map(|s| s.vm.steps).collect())))
                .collect::<cairn::Result<Vec<_>>>()
        })?
        .py_err()?;
        Ok(runs.into_iter().map(|(outs, steps)| (tensors(outs), steps)).collect())
    }

    /// The input cells (hex) each stage is given on the one sample: what
    /// proving a stage anywhere needs besides its package.
    fn stage_inputs(&self, py: Python<'_>, samples: &PySamples) -> PyResult<Vec<Vec<String>>> {
        let sample = one(samples, "a proof")?;
        let package = self.inner.clone();
        let inputs = detached(py, move || package.compile()?.run(sample).map(|r| r.inputs))?.py_err()?;
        Ok(inputs.iter().map(|cells| cells.iter().map(|c| format!("{c:#x}")).collect()).collect())
    }

    /// Proves every stage here, `jobs` at a time: the bundle's bytes, the
    /// model hash, and (steps, trace rows, proof bytes) per stage.
    fn prove<'py>(
        &self,
        py: Python<'py>,
        samples: &PySamples,
        security_bits: u32,
        embed_program: bool,
        compact: bool,
        jobs: usize,
    ) -> PyResult<BundleMade<'py>> {
        let sample = one(samples, "a proof")?;
        let package = self.inner.clone();
        let (embed, shape) = shape(embed_program, compact);
        let (proof, hash) = detached(py, move || {
            let program = package.compile()?;
            let proof = program.prove(sample, security_bits, embed, shape, jobs, &|_, _| {})?;
            Ok::<_, cairn::Error>((proof, program.model_hash()))
        })?
        .py_err()?;
        let stages = proof.stages.iter().map(|p| (p.steps, p.trace_rows, p.bytes.len())).collect();
        Ok((PyBytes::new(py, &proof.bytes), format!("{hash:#x}"), stages))
    }
}

/// One stage proven from its package directory and its input cells alone
/// (what a worker of a distributed prover runs): the proof's bytes, the
/// run's steps and the trace's rows.
#[pyfunction]
#[pyo3(signature = (stage_dir, cells, security_bits, embed_program, compact))]
pub fn prove_stage<'py>(
    py: Python<'py>,
    stage_dir: PathBuf,
    cells: Vec<String>,
    security_bits: u32,
    embed_program: bool,
    compact: bool,
) -> PyResult<(Bound<'py, PyBytes>, usize, usize)> {
    let cells = cells.iter().map(|c| felt(c)).collect::<PyResult<Vec<_>>>()?;
    let (embed, shape) = shape(embed_program, compact);
    let proof = detached(py, move || {
        let program = cairn::Package::open(&stage_dir)?.compile()?;
        let run = program.run_cells(&cells, RunMode::Proof)?;
        let steps = run.vm.steps;
        let trace = program.trace(&run)?;
        drop(run);
        cairn::prove_trace(trace, program.manifest(), security_bits, steps, embed, shape)
    })?
    .py_err()?;
    Ok((PyBytes::new(py, &proof.bytes), proof.steps, proof.trace_rows))
}

/// A bundle's bytes from its stage proofs, in order, and each stage's
/// output cell count.
#[pyfunction]
pub fn assemble_bundle<'py>(
    py: Python<'py>,
    proofs: Vec<Vec<u8>>,
    output_counts: Vec<usize>,
) -> PyResult<Bound<'py, PyBytes>> {
    if proofs.len() != output_counts.len() {
        return Err(InputError::new_err(format!(
            "{} stage proofs but {} output counts",
            proofs.len(),
            output_counts.len()
        )));
    }
    let stages = proofs.into_iter().zip(output_counts).map(|(proof, outputs)| StageProof { outputs, proof }).collect();
    Ok(PyBytes::new(py, &Bundle { stages }.to_bytes()))
}

/// What `verify_bundle` returns: the model hash, the input and output cells
/// (hex), and the outputs and inputs read with the package's manifests
/// (`None` against a model hash alone).
type BundleParts = (String, Vec<String>, Vec<String>, Option<Vec<PyTensor>>, Option<Vec<PyTensor>>);

/// Verifies a bundle against a staged package (`package_dir`) or a model
/// hash; raises `InvalidProof` when it does not prove an inference of it.
#[pyfunction]
#[pyo3(signature = (data, package_dir, model_hash, min_security))]
pub fn verify_bundle(
    py: Python<'_>,
    data: Vec<u8>,
    package_dir: Option<PathBuf>,
    model_hash: Option<String>,
    min_security: u32,
) -> PyResult<BundleParts> {
    let hash = model_hash.as_deref().map(felt).transpose()?;
    let v = detached(py, move || {
        let expected = match (package_dir, hash) {
            (Some(dir), given) => {
                let program = cairn::StagedPackage::open(dir)?.compile()?;
                if let Some(h) = given {
                    if h != program.model_hash() {
                        return Err(cairn::Error::Staging(format!(
                            "the model hash {h:#x} is not the package's ({:#x})",
                            program.model_hash()
                        )));
                    }
                }
                ExpectedModel::Package(program.package().clone())
            }
            (None, Some(h)) => ExpectedModel::ModelHash(h),
            (None, None) => {
                return Err(cairn::Error::Staging("a bundle is verified against a package or a model hash".into()))
            }
        };
        verify(&data, &expected, VerifyPolicy { min_security, accept_weak: false })
    })?
    .py_err()?;
    let hex = |cells: &[Felt]| cells.iter().map(|c| format!("{c:#x}")).collect::<Vec<_>>();
    let (outputs, inputs) = match v.io {
        Some(io) => (Some(tensors(io.outputs)), Some(tensors(io.inputs))),
        None => (None, None),
    };
    Ok((format!("{:#x}", v.model_hash), hex(&v.input_cells), hex(&v.output_cells), outputs, inputs))
}

/// Cuts `model` into stages at `dir`: `stages` of about equal estimated
/// cost, or as few as fit `max_rows` trace rows on the one sample of
/// `samples` (measured).
#[pyfunction]
#[pyo3(signature = (model, dir, scale, stages, max_rows, samples))]
pub fn transpile_staged(
    py: Python<'_>,
    model: &PyModel,
    dir: PathBuf,
    scale: u32,
    stages: Option<usize>,
    max_rows: Option<usize>,
    samples: Option<&PySamples>,
) -> PyResult<StagedPackage> {
    let scale = cairn::Scale::new(scale).map_err(|e| InputError::new_err(e.to_string()))?;
    let model = model.inner.clone();
    let staged = match (stages, max_rows, samples) {
        (Some(n), None, _) => {
            let shapes =
                samples.and_then(|s| s.samples.first()).map(|s| s.tensors.iter().map(|(sh, _)| sh.clone()).collect());
            let staged = detached(py, move || model.transpile_staged(&dir, scale, shapes, n))?.py_err()?;
            detached(py, move || staged.compile().map(|p| p.package().clone()))?.py_err()?
        }
        (None, Some(rows), Some(samples)) => {
            let sample = one(samples, "measuring the stages")?.clone();
            detached(py, move || model.transpile_staged_within(&dir, scale, &sample, rows, &|_| {}).map(|(p, _)| p))?
                .py_err()?
        }
        (None, Some(_), None) => return Err(InputError::new_err("max_rows is measured on a sample: give inputs")),
        _ => return Err(InputError::new_err("give stages or max_rows (not both)")),
    };
    Ok(StagedPackage { inner: staged })
}
