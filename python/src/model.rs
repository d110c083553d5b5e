//! `_cairn.Model` and `_cairn.Samples`: a loaded ONNX model, and inputs
//! checked against it (read from a file or built from arrays in memory).

use std::path::PathBuf;
use std::sync::Arc;

use cairn::{BoundSample, InputData, InputTensor, Model, Sample, Scale};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::{message, InputError, IntoPy};
use crate::outputs::{tensors, PyTensor};
use crate::package::Package;
use crate::work::detached;

/// A loaded, resolved ONNX model.
#[pyclass(frozen, module = "cairn._cairn", name = "Model")]
pub struct PyModel {
    pub(crate) inner: Arc<Model>,
}

/// Samples checked against one model's inputs, ready to evaluate, run or prove.
#[pyclass(frozen, module = "cairn._cairn", name = "Samples")]
pub struct PySamples {
    pub(crate) samples: Vec<BoundSample>,
}

#[pymethods]
impl PySamples {
    fn __len__(&self) -> usize {
        self.samples.len()
    }

    /// The shape each sample binds each model input to.
    fn shapes(&self) -> Vec<Vec<Vec<usize>>> {
        self.samples.iter().map(|s| s.tensors.iter().map(|(shape, _)| shape.clone()).collect()).collect()
    }
}

/// One tensor of an in-memory sample as Python hands it over: the input's
/// name (or `None` for "the next input"), its shape (or `None` for flat data),
/// `"real"` or `"int"`, and the values as little-endian f64 or i64 bytes.
type ArrayArg<'py> = (Option<String>, Option<Vec<usize>>, String, Bound<'py, PyBytes>);

/// Declared inputs or outputs: name, dtype, dims (`None`: not declared).
type IoDecl = (String, String, Option<Vec<String>>);

#[pymethods]
impl PyModel {
    /// Loads and resolves an ONNX file.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<PyModel> {
        let model = detached(py, move || Model::load(&path))?.py_err()?;
        Ok(PyModel { inner: Arc::new(model) })
    }

    #[getter]
    fn name(&self) -> String {
        self.inner.name().to_string()
    }

    fn inputs(&self) -> Vec<IoDecl> {
        let net = self.inner.network();
        net.inputs
            .iter()
            .map(|i| {
                let dims = i.shape.as_ref().map(|d| d.iter().map(|x| x.to_string()).collect());
                (i.name.clone(), i.dtype.name().to_string(), dims)
            })
            .collect()
    }

    fn outputs(&self) -> Vec<IoDecl> {
        let net = self.inner.network();
        net.outputs
            .iter()
            .map(|o| (o.name.clone(), o.dtype.map(|d| d.name().to_string()).unwrap_or_else(|| "?".into()), None))
            .collect()
    }

    /// Reads and checks the samples of an input file (JSON, EZKL JSON, .npy).
    fn read_samples(&self, py: Python<'_>, path: PathBuf) -> PyResult<PySamples> {
        let model = self.inner.clone();
        let samples = detached(py, move || model.read_samples(&path))?.py_err()?;
        Ok(PySamples { samples })
    }

    /// Checks samples given as arrays (see `ArrayArg`); `what` names them in
    /// messages.
    fn bind_arrays<'py>(&self, samples: Vec<Vec<ArrayArg<'py>>>, what: &str) -> PyResult<PySamples> {
        let parsed = samples.into_iter().map(sample_of).collect::<PyResult<Vec<_>>>()?;
        let samples = self.inner.bind_samples(&parsed, what).py_err()?;
        Ok(PySamples { samples })
    }

    /// Runs each sample on the exact fixed-point runtime.
    fn evaluate(&self, py: Python<'_>, scale: u32, samples: &PySamples) -> PyResult<Vec<Vec<PyTensor>>> {
        let scale = Scale::new(scale).map_err(|e| InputError::new_err(message(&e)))?;
        let model = self.inner.clone();
        let bound = &samples.samples;
        let outs =
            detached(py, move || bound.iter().map(|s| model.evaluate(scale, s)).collect::<cairn::Result<Vec<_>>>())?
                .py_err()?;
        Ok(outs.into_iter().map(tensors).collect())
    }

    /// The calibration report, as JSON.
    fn calibrate(&self, py: Python<'_>, samples: &PySamples, headroom: u32) -> PyResult<String> {
        let model = self.inner.clone();
        let bound = &samples.samples;
        let report = detached(py, move || model.calibrate(bound, headroom))?.py_err()?;
        serde_json::to_string(&report).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
    }

    /// Transpiles into a package at `dir` (not compiled).
    fn transpile(&self, py: Python<'_>, dir: PathBuf, scale: u32) -> PyResult<Package> {
        let scale = Scale::new(scale).map_err(|e| InputError::new_err(message(&e)))?;
        let model = self.inner.clone();
        let package = detached(py, move || model.transpile(&dir, scale, None))?.py_err()?;
        Ok(Package { inner: package })
    }

    /// The package in cairn's cache for the first sample's input shapes.
    fn cached_package(&self, py: Python<'_>, scale: u32, samples: &PySamples) -> PyResult<Package> {
        let scale = Scale::new(scale).map_err(|e| InputError::new_err(message(&e)))?;
        let Some(first) = samples.samples.first() else {
            return Err(InputError::new_err("no samples"));
        };
        let model = self.inner.clone();
        let package = detached(py, move || model.cached_package(scale, first))?.py_err()?;
        Ok(Package { inner: package })
    }
}

fn sample_of(tensors: Vec<ArrayArg<'_>>) -> PyResult<Sample> {
    let named = tensors.iter().filter(|t| t.0.is_some()).count();
    if named != 0 && named != tensors.len() {
        return Err(InputError::new_err("give every input of a sample by name, or none"));
    }
    let mut by_name = std::collections::BTreeMap::new();
    let mut ordered = Vec::with_capacity(tensors.len());
    for (name, shape, kind, bytes) in tensors {
        let data = data_of(&kind, bytes.as_bytes())?;
        let tensor = InputTensor { shape, data };
        match name {
            Some(n) => {
                if by_name.insert(n.clone(), tensor).is_some() {
                    return Err(InputError::new_err(format!("input '{n}' is given twice")));
                }
            }
            None => ordered.push(tensor),
        }
    }
    Ok(if named > 0 { Sample::Named(by_name) } else { Sample::Ordered(ordered) })
}

fn data_of(kind: &str, bytes: &[u8]) -> PyResult<InputData> {
    if !bytes.len().is_multiple_of(8) {
        return Err(InputError::new_err(format!("{} bytes are not a whole number of 8-byte values", bytes.len())));
    }
    let words = bytes.chunks_exact(8).map(|c| {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        w
    });
    match kind {
        "real" => Ok(InputData::Real(words.map(f64::from_le_bytes).collect())),
        "int" => Ok(InputData::Int(words.map(i64::from_le_bytes).collect())),
        other => Err(InputError::new_err(format!("unknown element kind {other:?} (expected \"real\" or \"int\")"))),
    }
}
