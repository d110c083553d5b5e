//! An ONNX model, resolved against cairn's op table: read its samples, run it
//! on the exact fixed-point runtime, calibrate its scale, transpile it.

use std::path::{Path, PathBuf};

use cairn_runtime::{FixedArith, Scale};
use cairn_transpiler::calibrate::{calibrate, CalibrationReport};
use cairn_transpiler::codegen::{transpile, TranspileOptions};
use cairn_transpiler::inputs::{self, BoundSample, Sample};
use cairn_transpiler::load::{self, LoadError};
use cairn_transpiler::outputs::{fixed_outputs, OutputTensor};
use cairn_transpiler::Network;

use crate::package::Package;
use crate::{Error, Result};

/// A loaded, resolved model. `Send + Sync`: one model serves many threads.
#[derive(Debug)]
pub struct Model {
    /// Where it came from (for messages, and the package's `model` field).
    name: String,
    /// The ONNX bytes: copied into packages, and the cache key of the
    /// packages generated for it.
    bytes: Vec<u8>,
    network: Network,
}

/// An exclusive lock on the cache entry `dir` (the file `<dir>.lock` next to
/// it), held until the returned file is dropped.
fn lock_entry(dir: &Path) -> Result<std::fs::File> {
    let lock_path = dir.with_extension("lock");
    let io = |source| Error::Io { path: lock_path.clone(), source };
    if let Some(parent) = lock_path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path).map_err(io)?;
    file.lock().map_err(io)?;
    Ok(file)
}

impl Model {
    /// Loads and resolves an ONNX file. Every unsupported part is reported
    /// at once ([`Error::Unsupported`]).
    pub fn load(path: impl AsRef<Path>) -> Result<Model> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|error| LoadError::Io { path: shown.clone(), error })?;
        Model::from_bytes(bytes, &shown)
    }

    /// Loads and resolves ONNX bytes; `name` names them in messages.
    pub fn from_bytes(bytes: Vec<u8>, name: &str) -> Result<Model> {
        let model = load::load_model_bytes(&bytes, name)?;
        let network =
            Network::resolve(model).map_err(|source| Error::Unsupported { model: name.to_string(), source })?;
        Ok(Model { name: name.to_string(), bytes, network })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The ONNX file's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The resolved graph (inputs, outputs, nodes bound to kernels).
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// Reads the samples of an input file (JSON, EZKL's `input.json`, or
    /// `.npy`) and checks each against the model's inputs.
    pub fn read_samples(&self, path: impl AsRef<Path>) -> Result<Vec<BoundSample>> {
        let path = path.as_ref();
        let samples = inputs::read_samples(path, &self.network).map_err(|e| Error::Samples(Box::new(e)))?;
        self.bind_samples(&samples, &path.display().to_string())
    }

    /// Like [`Model::read_samples`], from the file's bytes; `what` names them.
    pub fn parse_samples(&self, bytes: &[u8], what: &str) -> Result<Vec<BoundSample>> {
        let samples = inputs::parse_samples(bytes, what, &self.network).map_err(|e| Error::Samples(Box::new(e)))?;
        self.bind_samples(&samples, what)
    }

    /// Checks samples built in memory (tensors by input name or in input
    /// order, as a caller holding arrays has them — the Python package's
    /// numpy arrays) against the model's inputs, exactly as
    /// [`Model::read_samples`] checks a file's; `what` names them in errors.
    /// A tensor without a shape is flat data that fills the model's shape.
    pub fn bind_samples(&self, samples: &[Sample], what: &str) -> Result<Vec<BoundSample>> {
        if samples.is_empty() {
            return Err(Error::NoSamples { path: what.to_string() });
        }
        let many = samples.len() > 1;
        samples
            .iter()
            .enumerate()
            .map(|(i, s)| {
                self.network.bind(s).map_err(|source| Error::Input {
                    path: what.to_string(),
                    sample: many.then_some(i),
                    source: Box::new(source),
                })
            })
            .collect()
    }

    /// Runs one sample on the exact fixed-point runtime — the ground truth
    /// the Cairo program reproduces bit for bit.
    pub fn evaluate(&self, scale: Scale, sample: &BoundSample) -> Result<Vec<OutputTensor>> {
        let fx = FixedArith::new(scale);
        let values = self.network.input_values(&fx, sample).map_err(|e| Error::Samples(Box::new(e)))?;
        let out = self.network.evaluate(&fx, values)?;
        let names: Vec<String> = self.network.outputs.iter().map(|o| o.name.clone()).collect();
        Ok(fixed_outputs(&names, &out, scale))
    }

    /// The largest scale at which every sample runs without overflow, with
    /// `headroom` bits to spare (docs/fixed-point.md, "Calibration").
    pub fn calibrate(&self, samples: &[BoundSample], headroom: u32) -> Result<CalibrationReport> {
        Ok(calibrate(&self.network, samples, headroom)?)
    }

    /// Transpiles the model into a Cairo package at `dir` (replacing a cairn
    /// package there; never half-written). `input_shapes` fixes symbolic
    /// input dimensions (default: 1).
    pub fn transpile(&self, dir: &Path, scale: Scale, input_shapes: Option<Vec<Vec<usize>>>) -> Result<Package> {
        let package = self.generate(scale, input_shapes)?;
        package.write_to(dir, &self.bytes)?;
        Package::open(dir)
    }

    /// The package for `sample`'s input shapes at `scale`, in cairn's cache
    /// (`$CAIRN_CACHE/packages`). An existing package with the same sources
    /// is kept, compiled program and all, so running a model file again does
    /// not recompile it.
    pub fn cached_package(&self, scale: Scale, sample: &BoundSample) -> Result<Package> {
        // Threads of one process agree on who writes a cache entry.
        static CACHE: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _guard = CACHE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let shapes = sample.tensors.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>();
        let dir = self.cache_dir(scale, &shapes);
        let generated = self.generate(scale, Some(shapes))?;
        // So do processes: replacing an entry removes the directory another
        // process may be compiling in. Under the lock the first writer puts
        // its sources in place and the others find them and reuse them.
        let _entry = lock_entry(&dir)?;
        if let Ok(existing) = Package::open(&dir) {
            if existing.has_sources_of(&generated) {
                return Ok(existing);
            }
        }
        generated.write_to(&dir, &self.bytes)?;
        Package::open(&dir)
    }

    fn generate(
        &self,
        scale: Scale,
        input_shapes: Option<Vec<Vec<usize>>>,
    ) -> Result<cairn_transpiler::codegen::Package> {
        let opts = TranspileOptions { scale, input_shapes, model_name: self.file_name(), fast_dense: true };
        Ok(transpile(&self.network, &opts)?)
    }

    /// The model's file name, as the generated package quotes it.
    fn file_name(&self) -> String {
        Path::new(&self.name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "model.onnx".into())
    }

    /// `$CAIRN_CACHE/packages/<model digest>-s<scale>[-<shapes digest>]`.
    /// The digest covers the model's bytes and its file name, which the
    /// generated sources quote: two names for one model (a file and the
    /// bundled copy of it) must not take turns overwriting one entry.
    fn cache_dir(&self, scale: Scale, shapes: &[Vec<usize>]) -> PathBuf {
        let mut h = blake3::Hasher::new();
        h.update(&self.bytes);
        h.update(self.file_name().as_bytes());
        let model = h.finalize().to_hex();
        let mut dir = format!("{}-s{}", &model[..16], scale.bits());
        if shapes != self.network.default_input_shapes().as_slice() {
            let mut h = blake3::Hasher::new();
            h.update(format!("{shapes:?}").as_bytes());
            dir.push('-');
            dir.push_str(&h.finalize().to_hex()[..8]);
        }
        cairn_cairo::cache_dir().join("packages").join(dir)
    }
}
