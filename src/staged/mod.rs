//! Staged models: a model cut into stages that run (and prove) as programs
//! of their own, chained cell for cell (docs/staged.md).
//!
//! On disk a staged package is a directory holding `stages.json` and one
//! ordinary package per stage (`stage-0/`, `stage-1/`, …). Stage i's output
//! cells are stage i+1's input cells: the same tensors, in the same order,
//! as stored values. The model's identity is one hash over the ordered
//! stage program hashes (with each stage's output cell count).

use std::path::{Path, PathBuf};

use cairn_cairo::vm::RunMode;
use cairn_runtime::Scale;
use cairn_starknet::fact::cells_hash;
use cairn_transpiler::codegen::package::{write_atomically, PackageError, MODEL_FILE};
use cairn_transpiler::inputs::BoundSample;
use cairn_transpiler::io::encode_inputs;
use cairn_transpiler::outputs::OutputTensor;
use cairn_transpiler::stages::{onnx::stage_model, Dataflow, StagePlan};
use serde::{Deserialize, Serialize};

pub mod fit;

use crate::model::Model;
use crate::package::{Package, Program, Run};
use crate::{Error, Felt, Result};

/// The manifest of a staged package.
pub const STAGES_FILE: &str = "stages.json";

/// `stages.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StagesManifest {
    /// The model file the stages were cut from.
    pub model: String,
    pub scale: u32,
    pub stages: Vec<StageEntry>,
    /// Poseidon over the stages' program hashes and output cell counts, in
    /// order, once every stage is compiled: what names the staged model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_hash: Option<String>,
}

/// One stage in `stages.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageEntry {
    /// Its package's directory, relative to the staged package.
    pub dir: String,
    /// The tensors it reads (the previous stage's outputs) and writes.
    pub inputs: Vec<String>,
    pub outputs: Vec<String>,
    /// Names of the ONNX nodes it computes (constants it carries aside).
    pub nodes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_hash: Option<String>,
}

/// A staged package on disk.
#[derive(Clone, Debug)]
pub struct StagedPackage {
    dir: PathBuf,
    manifest: StagesManifest,
    stages: Vec<Package>,
}

/// A staged package with every stage compiled.
#[derive(Clone, Debug)]
pub struct StagedProgram {
    package: StagedPackage,
    programs: Vec<Program>,
    model_hash: Felt,
}

/// One chained run: each stage's run, and the model's outputs (the last
/// stage's).
#[derive(Clone, Debug)]
pub struct StagedRun {
    pub stages: Vec<Run>,
    /// The input cells each stage was given (stage i > 0: stage i-1's
    /// output cells).
    pub inputs: Vec<Vec<Felt>>,
    pub outputs: Vec<OutputTensor>,
}

/// Whether `dir` holds a staged package.
pub fn is_staged(dir: &Path) -> bool {
    dir.join(STAGES_FILE).is_file()
}

/// The identity of a staged model: Poseidon over each stage's program hash
/// and output cell count, in stage order. The counts say where a stage's
/// proven cells split into its outputs and its echoed inputs, which a
/// verifier that knows only this hash needs to check the links.
pub fn staged_model_hash(stages: &[(Felt, usize)]) -> Felt {
    let cells: Vec<Felt> = stages.iter().flat_map(|&(h, n)| [h, Felt::from(n as u64)]).collect();
    cells_hash(&cells)
}

impl Model {
    /// Cuts the model into `stages` stages of about equal estimated cost and
    /// writes them as a staged package at `dir` (replacing a staged package
    /// there; never half-written: everything is written beside `dir` first).
    pub fn transpile_staged(
        &self,
        dir: &Path,
        scale: Scale,
        input_shapes: Option<Vec<Vec<usize>>>,
        stages: usize,
    ) -> Result<StagedPackage> {
        let net = self.network();
        let input_shapes = input_shapes.unwrap_or_else(|| net.default_input_shapes());
        let shapes = net.infer_shapes(&input_shapes).map_err(|e| Error::Staging(e.to_string()))?;
        let flow = Dataflow::new(net);
        let plan = flow.balanced(stages, &flow.estimated_costs(&shapes)).map_err(|e| Error::Staging(e.to_string()))?;
        self.write_stages(dir, scale, &input_shapes, &flow, &shapes, &plan)
    }

    pub(crate) fn write_stages(
        &self,
        dir: &Path,
        scale: Scale,
        input_shapes: &[Vec<usize>],
        flow: &Dataflow,
        shapes: &[cairn_transpiler::shapes::NodeShapes],
        plan: &StagePlan,
    ) -> Result<StagedPackage> {
        let net = self.network();
        let replaceable = is_staged(dir) || dir.join(cairn_transpiler::codegen::package::MANIFEST_FILE).is_file();
        if dir.exists() && std::fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(true) && !replaceable {
            return Err(PackageError::Occupied { path: dir.to_owned() }.into());
        }
        let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|source| Error::Io { path: parent.to_owned(), source })?;
        let staging = tempfile::Builder::new()
            .prefix(".cairn-stages-")
            .tempdir_in(parent)
            .map_err(|source| Error::Io { path: parent.to_owned(), source })?;
        let model_name = Path::new(self.name())
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "model.onnx".into());
        let mut entries = Vec::new();
        for (i, stage) in plan.stages.iter().enumerate() {
            let bytes = stage_model(self.bytes(), net, flow, stage, i, shapes, input_shapes)
                .map_err(|e| Error::Staging(e.to_string()))?;
            let stage_name = format!("{}#stage-{i}", model_name);
            let stage_model = Model::from_bytes(bytes, &stage_name)?;
            let stage_shapes: Vec<Vec<usize>> = stage
                .inputs
                .iter()
                .map(|&s| flow.slot_type(s, shapes, input_shapes).map(|(_, shape)| shape).unwrap_or_default())
                .collect();
            let rel = format!("stage-{i}");
            stage_model.transpile(&staging.path().join(&rel), scale, Some(stage_shapes))?;
            let names = |slots: &[usize]| slots.iter().map(|&s| net.slot_names[s].clone()).collect();
            entries.push(StageEntry {
                dir: rel,
                inputs: names(&stage.inputs),
                outputs: names(&stage.outputs),
                nodes: stage.computed.iter().map(|&j| net.nodes[j].name.clone()).collect(),
                program_hash: None,
            });
        }
        let manifest = StagesManifest { model: model_name, scale: scale.bits(), stages: entries, model_hash: None };
        write_stages_manifest(staging.path(), &manifest)?;
        // the whole model: what samples are checked against and the
        // reference runs
        let whole = staging.path().join(MODEL_FILE);
        write_atomically(&whole, self.bytes()).map_err(|source| Error::Io { path: whole, source })?;
        // Swap the finished directory into place.
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|source| Error::Io { path: dir.to_owned(), source })?;
        }
        // (the temporary directory's drop then finds nothing left to remove)
        std::fs::rename(staging.path(), dir).map_err(|source| Error::Io { path: dir.to_owned(), source })?;
        StagedPackage::open(dir)
    }
}

fn write_stages_manifest(dir: &Path, manifest: &StagesManifest) -> Result<()> {
    let json = serde_json::to_string_pretty(manifest).expect("the manifest serializes") + "\n";
    let path = dir.join(STAGES_FILE);
    write_atomically(&path, json.as_bytes()).map_err(|source| Error::Io { path, source })
}

impl StagedPackage {
    /// Opens the staged package at `dir`: its manifest and every stage's.
    pub fn open(dir: impl AsRef<Path>) -> Result<StagedPackage> {
        let dir = dir.as_ref().to_owned();
        let path = dir.join(STAGES_FILE);
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
        let manifest: StagesManifest = serde_json::from_str(&text)
            .map_err(|e| Error::Staging(format!("{} is not a staged package's manifest: {e}", path.display())))?;
        if manifest.stages.is_empty() {
            return Err(Error::Staging(format!("{} lists no stages", path.display())));
        }
        let stages = manifest
            .stages
            .iter()
            .map(|s| {
                // Stage directories are plain names inside the package.
                if s.dir.is_empty() || s.dir.contains(['/', '\\']) || s.dir.starts_with('.') {
                    return Err(Error::Staging(format!(
                        "{}: '{}' is not a stage directory name",
                        path.display(),
                        s.dir
                    )));
                }
                Package::open(dir.join(&s.dir))
            })
            .collect::<Result<Vec<_>>>()?;
        let package = StagedPackage { dir, manifest, stages };
        package.check_links()?;
        Ok(package)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn manifest(&self) -> &StagesManifest {
        &self.manifest
    }

    /// The whole model the stages were cut from (its copy in the package).
    pub fn model(&self) -> Result<Model> {
        Model::load(self.dir.join(MODEL_FILE))
    }

    pub fn scale(&self) -> Result<Scale> {
        Ok(Scale::new(self.manifest.scale)?)
    }

    /// The stages' packages, in order.
    pub fn stages(&self) -> &[Package] {
        &self.stages
    }

    /// Each stage's inputs are, in order, the previous stage's outputs
    /// (names, types and shapes): otherwise the chain would hand over
    /// cells that mean something else.
    fn check_links(&self) -> Result<()> {
        for (i, pair) in self.stages.windows(2).enumerate() {
            let (a, b) = (&pair[0].manifest().outputs, &pair[1].manifest().inputs);
            let key = |s: &cairn_transpiler::codegen::IoSpec| (s.name.clone(), s.dtype.clone(), s.shape.clone());
            if a.len() != b.len() || a.iter().zip(b).any(|(x, y)| key(x) != key(y)) {
                return Err(Error::Staging(format!(
                    "{}: stage {} does not read what stage {i} writes",
                    self.dir.display(),
                    i + 1
                )));
            }
        }
        Ok(())
    }

    /// Compiles every stage (reusing compiled programs) and records the
    /// program hashes and the model hash in `stages.json`.
    pub fn compile(&self) -> Result<StagedProgram> {
        let programs = self.stages.iter().map(Package::compile).collect::<Result<Vec<_>>>()?;
        let hashes: Vec<Felt> = programs.iter().map(Program::program_hash).collect();
        let pairs: Vec<(Felt, usize)> =
            programs.iter().map(|p| (p.program_hash(), p.manifest().output_cells())).collect();
        let model_hash = staged_model_hash(&pairs);
        let mut package = self.clone();
        for (entry, h) in package.manifest.stages.iter_mut().zip(&hashes) {
            entry.program_hash = Some(format!("{h:#x}"));
        }
        package.manifest.model_hash = Some(format!("{model_hash:#x}"));
        package.stages = programs.iter().map(|p| p.package().clone()).collect();
        if package.manifest != self.manifest {
            write_stages_manifest(&package.dir, &package.manifest)?;
        }
        Ok(StagedProgram { package, programs, model_hash })
    }
}

impl StagedProgram {
    pub fn package(&self) -> &StagedPackage {
        &self.package
    }

    pub fn programs(&self) -> &[Program] {
        &self.programs
    }

    /// [`staged_model_hash`] of the stages.
    pub fn model_hash(&self) -> Felt {
        self.model_hash
    }

    /// Runs the chain on one sample of the model's inputs: stage 0 on the
    /// sample's cells, every later stage on its predecessor's output cells.
    pub fn run(&self, sample: &BoundSample) -> Result<StagedRun> {
        self.run_mode(sample, RunMode::Execute)
    }

    /// As [`StagedProgram::run`], recording what proofs need.
    pub fn run_for_proof(&self, sample: &BoundSample) -> Result<StagedRun> {
        self.run_mode(sample, RunMode::Proof)
    }

    fn run_mode(&self, sample: &BoundSample, mode: RunMode) -> Result<StagedRun> {
        let first = self.programs.first().expect("a staged package has stages");
        let mut cells = encode_inputs(first.manifest(), sample)?;
        let mut stages = Vec::with_capacity(self.programs.len());
        let mut inputs = Vec::with_capacity(self.programs.len());
        for (i, program) in self.programs.iter().enumerate() {
            inputs.push(cells.clone());
            let run = match (i, mode) {
                (0, RunMode::Proof) => program.run_for_proof(sample)?,
                (0, _) => program.run(sample)?,
                _ => program.run_cells(&cells, mode)?,
            };
            cells = output_cells(program, &run);
            stages.push(run);
        }
        let outputs = stages.last().map(|r| r.outputs.clone()).unwrap_or_default();
        Ok(StagedRun { stages, inputs, outputs })
    }
}

/// The output cells of a stage's run: what the next stage is given.
fn output_cells(program: &Program, run: &Run) -> Vec<Felt> {
    let n = program.manifest().output_cells();
    // The output segment is [n, outputs..., m, inputs...] (io::decode_io),
    // already checked when the run was decoded.
    run.vm.output.iter().skip(1).take(n).copied().collect()
}
