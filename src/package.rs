//! A generated Cairo package on disk, its compiled program (cached in the
//! package as `program.json`, keyed by a digest of its sources), and runs of
//! that program on the Cairo VM.

use std::path::{Path, PathBuf};

use cairn_cairo::vm::{self, CairoRun, RunMode};
use cairn_cairo::{CompiledProgram, Executable, Felt, Toolchain};
use cairn_runtime::Scale;
use cairn_transpiler::codegen::package::{read_manifest, write_atomically, write_manifest, MODEL_FILE};
use cairn_transpiler::codegen::Manifest;
use cairn_transpiler::inputs::BoundSample;
use cairn_transpiler::io::{decode_io, encode_inputs};
use cairn_transpiler::outputs::OutputTensor;
use serde::{Deserialize, Serialize};

use crate::model::Model;
use crate::{Error, Result};

/// Where a package keeps its compiled program.
pub use cairn_transpiler::codegen::package::PROGRAM_FILE;

/// A cairn package: a directory `cairn transpile` wrote.
#[derive(Clone, Debug)]
pub struct Package {
    dir: PathBuf,
    manifest: Manifest,
}

/// A compiled package, ready to run and prove. `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Program {
    package: Package,
    compiled: CompiledProgram,
    from_cache: bool,
}

/// One run of a program on the Cairo VM.
#[derive(Clone, Debug)]
pub struct Run {
    /// The model's outputs, decoded with the package's manifest.
    pub outputs: Vec<OutputTensor>,
    /// What the VM recorded (with the trace and memory in proof mode).
    pub vm: CairoRun,
}

#[derive(Serialize, Deserialize)]
struct CachedProgram {
    source_digest: String,
    program_hash: String,
    executable: Executable,
}

impl Package {
    /// Opens the package at `dir` (reads its manifest).
    pub fn open(dir: impl AsRef<Path>) -> Result<Package> {
        let dir = dir.as_ref();
        Ok(Package { dir: dir.to_owned(), manifest: read_manifest(dir)? })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The fixed-point scale the package was generated at.
    pub fn scale(&self) -> Result<Scale> {
        Ok(Scale::new(self.manifest.scale)?)
    }

    /// The program hash recorded in the manifest, if the package was compiled.
    pub fn program_hash(&self) -> Result<Option<Felt>> {
        match &self.manifest.program_hash {
            None => Ok(None),
            Some(h) => Felt::from_hex(h)
                .map(Some)
                .map_err(|_| Error::BadProgramHash { path: self.dir.clone(), hash: h.clone() }),
        }
    }

    /// The copy of the ONNX model the package was generated from.
    pub fn model(&self) -> Result<Model> {
        Model::load(self.dir.join(MODEL_FILE))
    }

    /// Whether the package on disk holds exactly the sources of `generated`.
    pub(crate) fn has_sources_of(&self, generated: &cairn_transpiler::codegen::Package) -> bool {
        let files = generated.files().into_iter().map(|(p, c)| (p.to_string_lossy().into_owned(), c.into_bytes()));
        source_digest(&self.dir).ok() == Some(digest(files.collect()))
    }

    /// Compiles the package with the pinned Cairo toolchain, reusing
    /// `program.json` when the sources are unchanged, and records the program
    /// hash in the manifest. Safe to call from several threads.
    pub fn compile(&self) -> Result<Program> {
        let digest = source_digest(&self.dir)?;
        let cache = self.dir.join(PROGRAM_FILE);
        let (compiled, from_cache) = match self.cached_program(&digest) {
            Some(c) => (CompiledProgram::from_executable(c.executable), true),
            None => {
                let compiled = Toolchain::locate()?.compile_executable(&self.dir)?;
                let entry = CachedProgram {
                    source_digest: digest,
                    program_hash: format!("{:#x}", compiled.program_hash),
                    executable: compiled.executable.clone(),
                };
                // The cache is an optimisation: failing to write it is not an error.
                if let Ok(json) = serde_json::to_string(&entry) {
                    let _ = write_atomically(&cache, json.as_bytes());
                }
                (compiled, false)
            }
        };
        let mut package = self.clone();
        let hash = format!("{:#x}", compiled.program_hash);
        if package.manifest.program_hash.as_deref() != Some(hash.as_str()) {
            package.manifest.program_hash = Some(hash);
            write_manifest(&package.dir, &package.manifest)?;
        }
        Ok(Program { package, compiled, from_cache })
    }
}

impl Package {
    /// `program.json`, when it was compiled from the sources now present.
    fn cached_program(&self, digest: &str) -> Option<CachedProgram> {
        std::fs::read_to_string(self.dir.join(PROGRAM_FILE))
            .ok()
            .and_then(|text| serde_json::from_str::<CachedProgram>(&text).ok())
            .filter(|c| c.source_digest == digest)
    }

    /// The compiled program's bytecode words: from `program.json` when it is
    /// current (without hashing them: whoever checks a proof against them
    /// hashes them anyway), else by compiling.
    pub fn bytecode(&self) -> Result<Vec<Felt>> {
        match self.cached_program(&source_digest(&self.dir)?) {
            Some(c) => Ok(c.executable.program.bytecode.iter().map(Felt::from).collect()),
            None => Ok(self.compile()?.compiled.bytecode),
        }
    }
}

impl Program {
    pub fn package(&self) -> &Package {
        &self.package
    }

    pub fn manifest(&self) -> &Manifest {
        &self.package.manifest
    }

    /// The compiled executable, its bytecode and program hash.
    pub fn compiled(&self) -> &CompiledProgram {
        &self.compiled
    }

    /// The Poseidon hash of the bytecode: what proofs and the registry name
    /// the program by.
    pub fn program_hash(&self) -> Felt {
        self.compiled.program_hash
    }

    /// True when `program.json` was reused instead of compiling.
    pub fn from_cache(&self) -> bool {
        self.from_cache
    }

    /// Runs one sample on the Cairo VM (proof mode, trace not kept: the same
    /// execution and step count as a proof's, at a fraction of the memory).
    pub fn run(&self, sample: &BoundSample) -> Result<Run> {
        self.run_mode(sample, RunMode::Execute)
    }

    /// Runs one sample recording everything a proof needs.
    pub fn run_for_proof(&self, sample: &BoundSample) -> Result<Run> {
        self.run_mode(sample, RunMode::Proof)
    }

    fn run_mode(&self, sample: &BoundSample, mode: RunMode) -> Result<Run> {
        let args = encode_inputs(&self.package.manifest, sample)?;
        self.run_cells_mode(&args, mode).map_err(|e| match e {
            Error::CairoRun { cairo, .. } => self.explain(cairo, sample),
            e => e,
        })
    }

    /// Runs the program on input cells as `main` takes them (stored values,
    /// in manifest order): what a stage of a staged model is given by the
    /// stage before it. `mode` as in [`Program::run`] / [`Program::run_for_proof`].
    pub fn run_cells(&self, args: &[Felt], mode: RunMode) -> Result<Run> {
        self.run_cells_mode(args, mode)
    }

    fn run_cells_mode(&self, args: &[Felt], mode: RunMode) -> Result<Run> {
        let vm = match mode {
            RunMode::Proof => cairn_cairo::adapter::run_for_proof(&self.compiled, args),
            RunMode::Execute => vm::run(&self.compiled.executable, args, mode),
        }
        .map_err(|cairo| Error::CairoRun { cairo, reference: None })?;
        let outputs = decode_io(&self.package.manifest, &vm.output)?.outputs;
        if !vm.output.ends_with(args) {
            return Err(Error::NotEchoed);
        }
        Ok(Run { outputs, vm })
    }

    /// A failed run says only that the program panicked; the reference
    /// runtime, which has the same semantics, says where and why.
    fn explain(&self, cairo: cairn_cairo::CairoError, sample: &BoundSample) -> Error {
        let reference = self
            .package
            .scale()
            .and_then(|scale| self.package.model().map(|m| (m, scale)))
            .and_then(|(model, scale)| model.evaluate(scale, sample))
            .err()
            .map(Box::new);
        Error::CairoRun { cairo, reference }
    }
}

/// Digest of a package's Cairo sources and project files, in path order.
fn source_digest(dir: &Path) -> Result<String> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files).map_err(|source| Error::Io { path: dir.to_owned(), source })?;
    Ok(digest(files))
}

fn digest(mut files: Vec<(String, Vec<u8>)>) -> String {
    files.retain(|(rel, _)| rel.ends_with(".cairo") || rel.ends_with(".toml"));
    files.sort();
    let mut h = blake3::Hasher::new();
    for (rel, bytes) in files {
        h.update(&(rel.len() as u64).to_le_bytes());
        h.update(rel.as_bytes());
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(&bytes);
    }
    h.finalize().to_hex().to_string()
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "cairo" || e == "toml") {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().into_owned();
            out.push((rel, std::fs::read(&path)?));
        }
    }
    Ok(())
}
