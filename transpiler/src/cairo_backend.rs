//! Running a generated package on the Cairo VM: compile it (cached in the
//! package as `program.json`, keyed by a digest of its sources), feed it a
//! sample, decode its outputs.

use std::path::{Path, PathBuf};

use cairn_runtime::cairo::{vm, CairoError, CairoRun, CompiledProgram, Felt, Toolchain};
use cairn_runtime::{Arith, FixedArith, Scale};
use cairo_lang_executable::executable::Executable;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::codegen::manifest::IoSpec;
use crate::codegen::package::MANIFEST_FILE;
use crate::codegen::Manifest;
use crate::inputs::{BoundSample, InputData};
use crate::outputs::OutputTensor;

pub const PROGRAM_FILE: &str = "program.json";

#[derive(Debug, Error)]
pub enum BackendError {
    #[error("{path} is not a cairn package (no {MANIFEST_FILE}); create one with `cairn transpile`")]
    NotAPackage { path: PathBuf },
    #[error("cannot read {path}: {detail}")]
    Read { path: PathBuf, detail: String },
    #[error(transparent)]
    Cairo(#[from] CairoError),
    #[error("input: {0}")]
    Input(String),
    #[error("the program returned {got} output values, the manifest describes {want}")]
    OutputShape { got: usize, want: usize },
}

/// A compiled package ready to run.
#[derive(Clone, Debug)]
pub struct PackageProgram {
    pub dir: PathBuf,
    pub manifest: Manifest,
    pub program: CompiledProgram,
    /// True when the cached `program.json` was used.
    pub from_cache: bool,
}

#[derive(Serialize, Deserialize)]
struct CachedProgram {
    source_digest: String,
    program_hash: String,
    executable: Executable,
}

/// FNV-1a over the package's Cairo sources and project files, in path order.
fn source_digest(dir: &Path) -> Result<String, BackendError> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files).map_err(|e| BackendError::Read { path: dir.to_owned(), detail: e.to_string() })?;
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (rel, bytes) in files {
        for b in rel.bytes().chain([0]).chain(bytes).chain([0]) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    Ok(format!("{h:016x}"))
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

pub fn read_manifest(dir: &Path) -> Result<Manifest, BackendError> {
    let path = dir.join(MANIFEST_FILE);
    if !path.is_file() {
        return Err(BackendError::NotAPackage { path: dir.to_owned() });
    }
    let text =
        std::fs::read_to_string(&path).map_err(|e| BackendError::Read { path: path.clone(), detail: e.to_string() })?;
    serde_json::from_str(&text).map_err(|e| BackendError::Read { path, detail: e.to_string() })
}

/// Compiles the package, reusing `program.json` when the sources are unchanged.
pub fn compile_package(tc: &Toolchain, dir: &Path) -> Result<PackageProgram, BackendError> {
    let manifest = read_manifest(dir)?;
    let digest = source_digest(dir)?;
    let cache = dir.join(PROGRAM_FILE);
    if let Ok(text) = std::fs::read_to_string(&cache) {
        if let Ok(c) = serde_json::from_str::<CachedProgram>(&text) {
            if c.source_digest == digest {
                let bytecode: Vec<Felt> = c.executable.program.bytecode.iter().map(Felt::from).collect();
                let program_hash = cairn_runtime::cairo::hash::program_hash(&bytecode);
                let program = CompiledProgram { executable: c.executable, bytecode, program_hash };
                return Ok(PackageProgram { dir: dir.to_owned(), manifest, program, from_cache: true });
            }
        }
    }
    let program = tc.compile_executable(dir)?;
    let cached = CachedProgram {
        source_digest: digest,
        program_hash: format!("{:#x}", program.program_hash),
        executable: program.executable.clone(),
    };
    // The cache is an optimisation: failing to write it is not an error.
    if let Ok(json) = serde_json::to_string(&cached) {
        let tmp = dir.join(format!(".{PROGRAM_FILE}.tmp"));
        if std::fs::write(&tmp, json).is_ok() {
            let _ = std::fs::rename(&tmp, &cache);
        }
    }
    Ok(PackageProgram { dir: dir.to_owned(), manifest, program, from_cache: false })
}

/// The flat felt252 input of `main` for a sample: reals quantized at the
/// package's scale, in manifest order.
pub fn encode_inputs(manifest: &Manifest, sample: &BoundSample) -> Result<Vec<Felt>, BackendError> {
    let scale = Scale::new(manifest.scale).map_err(BackendError::Input)?;
    let fx = FixedArith::new(scale);
    if sample.tensors.len() != manifest.inputs.len() {
        return Err(BackendError::Input(format!(
            "{} tensors for {} inputs",
            sample.tensors.len(),
            manifest.inputs.len()
        )));
    }
    let mut out = Vec::new();
    for (spec, (shape, data)) in manifest.inputs.iter().zip(&sample.tensors) {
        if shape != &spec.shape {
            return Err(BackendError::Input(format!(
                "input '{}' has shape {shape:?}, but the package was generated for {:?}; transpile again for this shape",
                spec.name, spec.shape
            )));
        }
        match data {
            InputData::Real(v) => {
                for (i, &x) in v.iter().enumerate() {
                    let q = fx
                        .from_f64(x)
                        .map_err(|e| BackendError::Input(format!("input '{}' element {i}: {e}", spec.name)))?;
                    out.push(felt_of(q));
                }
            }
            InputData::Int(v) => out.extend(v.iter().map(|&x| felt_of(x))),
        }
    }
    Ok(out)
}

pub fn felt_of(v: i64) -> Felt {
    if v < 0 {
        -Felt::from(v.unsigned_abs())
    } else {
        Felt::from(v as u64)
    }
}

/// A felt holding a stored value back to i64 (values above p/2 are negative).
pub fn i64_of(f: &Felt) -> Option<i64> {
    let half = Felt::MAX.floor_div(&Felt::TWO.try_into().ok()?);
    if *f > half {
        i64::try_from(-(-*f).to_bigint()).ok()
    } else {
        i64::try_from(f.to_bigint()).ok()
    }
}

/// A run's output segment, decoded per the manifest.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodedIo {
    pub outputs: Vec<OutputTensor>,
    /// The inputs the program echoes after its outputs (codegen's `main`), so
    /// that a proof of the run binds the input as well as the output.
    pub inputs: Vec<OutputTensor>,
}

/// Decodes an output segment `[len, outputs..., inputs...]` (each flattened in
/// manifest order) into tensors.
pub fn decode_io(manifest: &Manifest, segment: &[Felt]) -> Result<DecodedIo, BackendError> {
    let n_out: usize = manifest.outputs.iter().map(|o| o.len()).sum();
    let n_in: usize = manifest.inputs.iter().map(|i| i.len()).sum();
    let want = n_out + n_in;
    let Some((len, values)) = segment.split_first() else {
        return Err(BackendError::OutputShape { got: 0, want });
    };
    if *len != Felt::from(values.len()) || values.len() != want {
        return Err(BackendError::OutputShape { got: values.len(), want });
    }
    let scale = Scale::new(manifest.scale).map_err(BackendError::Input)?;
    let (outs, ins) = values.split_at(n_out);
    let tensors = |specs: &[IoSpec], mut rest: &[Felt]| -> Result<Vec<OutputTensor>, BackendError> {
        let mut out = Vec::with_capacity(specs.len());
        for spec in specs {
            let (mine, tail) = rest.split_at(spec.len());
            rest = tail;
            let raw: Vec<i64> = mine
                .iter()
                .map(|f| i64_of(f).ok_or(BackendError::OutputShape { got: values.len(), want }))
                .collect::<Result<_, _>>()?;
            let vals = if spec.is_real() {
                raw.iter().map(|&q| cairn_runtime::fixed::dequantize(q, scale)).collect()
            } else {
                raw.iter().map(|&q| q as f64).collect()
            };
            out.push(OutputTensor {
                name: spec.name.clone(),
                dtype: spec.dtype.clone(),
                shape: spec.shape.clone(),
                values: vals,
                raw,
            });
        }
        Ok(out)
    };
    Ok(DecodedIo { outputs: tensors(&manifest.outputs, outs)?, inputs: tensors(&manifest.inputs, ins)? })
}

/// The outputs of a run, per the manifest.
pub fn decode_outputs(manifest: &Manifest, run: &CairoRun) -> Result<Vec<OutputTensor>, BackendError> {
    Ok(decode_io(manifest, &run.output)?.outputs)
}

/// Runs a compiled package on one sample in proof mode.
pub fn run_package(p: &PackageProgram, sample: &BoundSample) -> Result<(Vec<OutputTensor>, CairoRun), BackendError> {
    run_package_mode(p, sample, vm::RunMode::Proof)
}

/// Runs a compiled package on one sample, recording as much as `mode` says.
pub fn run_package_mode(
    p: &PackageProgram,
    sample: &BoundSample,
    mode: vm::RunMode,
) -> Result<(Vec<OutputTensor>, CairoRun), BackendError> {
    let args = encode_inputs(&p.manifest, sample)?;
    let run = vm::run(&p.program.executable, &args, mode)?;
    let outputs = decode_outputs(&p.manifest, &run)?;
    if !run.output.ends_with(&args) {
        return Err(BackendError::Input("the program did not echo its input after its outputs".into()));
    }
    Ok((outputs, run))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn felt_i64_round_trip() {
        for v in [0, 1, -1, i64::MAX, i64::MIN, 123456789, -987654321] {
            assert_eq!(i64_of(&felt_of(v)), Some(v));
        }
        assert_eq!(i64_of(&Felt::from(u128::MAX)), None);
    }
}
