//! One function per subcommand: load, call the libraries, render.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use cairn_runtime::cairo::vm::RunMode;
use cairn_runtime::cairo::Toolchain;
use cairn_runtime::{FixedArith, Scale};
use cairn_transpiler::cairo_backend::{compile_package, read_manifest, run_package_mode, PackageProgram};
use cairn_transpiler::calibrate::{calibrate, CalibrationReport};
use cairn_transpiler::codegen::{transpile as generate, Manifest, TranspileOptions};
use cairn_transpiler::inputs::{read_samples, BoundSample};
use cairn_transpiler::load::load_model;
use cairn_transpiler::network::Network;
use cairn_transpiler::outputs::{fixed_outputs, OutputTensor};
use serde::Serialize;

use super::commands::{Backend, Cli, Command, InspectArgs, RunArgs, ScaleArgs, TranspileArgs};
use super::{progress, render};

pub fn execute(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Run(args) => run(args),
        Command::Transpile(args) => transpile(args),
        Command::Inspect(args) => inspect(args),
        Command::Prove(args) => super::prove::prove(args),
        Command::Verify(args) => super::prove::verify(args),
        Command::Bench(args) => super::bench::bench(args),
        Command::Registry(args) => super::registry::registry(args),
    }
}

fn resolve(path: &Path) -> Result<Network> {
    Network::resolve(load_model(path)?).with_context(|| format!("{}", path.display()))
}

pub(super) fn bind_all(net: &Network, path: &Path) -> Result<Vec<BoundSample>> {
    let samples = read_samples(path, net)?;
    if samples.is_empty() {
        bail!("{} holds no samples", path.display());
    }
    let many = samples.len() > 1;
    samples
        .iter()
        .enumerate()
        .map(|(i, s)| {
            net.bind(s).with_context(|| {
                if many {
                    format!("{} (sample {i})", path.display())
                } else {
                    path.display().to_string()
                }
            })
        })
        .collect()
}

/// The scale from `--scale`, `--calibrate`, or the default.
fn choose_scale(net: &Network, args: &ScaleArgs) -> Result<(Scale, Option<CalibrationReport>)> {
    if let Some(path) = &args.calibrate {
        let samples = bind_all(net, path).context("reading calibration samples")?;
        let report = calibrate(net, &samples, args.headroom).context("calibration failed")?;
        return Ok((Scale::new(report.scale).map_err(anyhow::Error::msg)?, Some(report)));
    }
    let bits = args.scale.unwrap_or(cairn_runtime::fixed::DEFAULT_SCALE);
    Ok((Scale::new(bits).map_err(anyhow::Error::msg).context("--scale")?, None))
}

/// The Cairo side of a run.
#[derive(Serialize)]
pub struct CairoInfo {
    pub package: String,
    pub program_hash: String,
    pub bytecode_words: usize,
    /// Cairo VM steps per sample.
    pub steps: Vec<usize>,
    pub builtins: Vec<(String, usize)>,
}

#[derive(Serialize)]
pub struct RunReport {
    pub model: String,
    pub backend: &'static str,
    pub scale: u32,
    pub calibration: Option<CalibrationReport>,
    pub cairo: Option<CairoInfo>,
    pub samples: Vec<Vec<OutputTensor>>,
}

/// A model given as a package directory or an ONNX file.
pub(super) struct Target {
    pub net: Network,
    pub model: PathBuf,
    /// The package directory, when given one.
    pub package: Option<(PathBuf, Manifest)>,
}

pub(super) fn target(path: &Path) -> Result<Target> {
    if path.is_dir() {
        let manifest = read_manifest(path)?;
        let model = path.join("model.onnx");
        let net = resolve(&model).with_context(|| format!("the model copy in package {}", path.display()))?;
        return Ok(Target { net, model, package: Some((path.to_owned(), manifest)) });
    }
    Ok(Target { net: resolve(path)?, model: path.to_owned(), package: None })
}

/// The scale of a package, or the one `--scale`/`--calibrate` choose for an ONNX file.
pub(super) fn scale_for(t: &Target, args: &ScaleArgs) -> Result<(Scale, Option<CalibrationReport>)> {
    match &t.package {
        Some((dir, m)) => {
            if args.scale.is_some() || args.calibrate.is_some() {
                bail!(
                    "{} was transpiled at scale {}; --scale/--calibrate apply to ONNX files only",
                    dir.display(),
                    m.scale
                );
            }
            Ok((Scale::new(m.scale).map_err(anyhow::Error::msg)?, None))
        }
        None => choose_scale(&t.net, args),
    }
}

/// The compiled program of a target: the package's, or for an ONNX file a
/// package generated (for the sample's input shapes) into cairn's cache.
pub(super) fn program_for(t: &Target, scale: Scale, sample: &BoundSample, quiet: bool) -> Result<PackageProgram> {
    match &t.package {
        Some((dir, _)) => compile_with_progress(dir, quiet),
        None => {
            let dir = cached_package_dir(&t.model, scale)?;
            let shapes = sample.tensors.iter().map(|(s, _)| s.clone()).collect();
            write_package(&t.net, &t.model, &dir, scale, Some(shapes))?;
            compile_with_progress(&dir, quiet)
        }
    }
}

fn run(args: RunArgs) -> Result<()> {
    let t = target(&args.model)?;
    let (scale, calibration) = scale_for(&t, &args.scale)?;
    let samples = bind_all(&t.net, &args.input)?;
    let names: Vec<String> = t.net.outputs.iter().map(|o| o.name.clone()).collect();
    let many = samples.len() > 1;
    let label = |i: usize| if many { format!("sample {i}") } else { args.input.display().to_string() };
    let mut results = Vec::with_capacity(samples.len());
    let mut cairo = None;
    match args.backend {
        Backend::Reference => {
            let fx = FixedArith::new(scale);
            for (i, s) in samples.iter().enumerate() {
                let values = t.net.input_values(&fx, s).with_context(|| label(i))?;
                let out = t.net.evaluate(&fx, values).with_context(|| {
                    if many {
                        label(i)
                    } else {
                        "evaluation failed".into()
                    }
                })?;
                results.push(fixed_outputs(&names, &out, scale));
            }
        }
        Backend::Cairo => {
            let program = program_for(&t, scale, &samples[0], args.json)?;
            let mut steps = Vec::new();
            let mut builtins = Vec::new();
            for (i, s) in samples.iter().enumerate() {
                let (outs, run) =
                    match progress::step(&format!("running on the Cairo VM ({})", label(i)), args.json, || {
                        // Proof mode without recording the trace: the same execution and
                        // step count at a fraction of the memory (`prove` records it).
                        run_package_mode(&program, s, RunMode::Execute)
                    }) {
                        Ok(r) => r,
                        Err(e) => return Err(explain_failure(e.into(), &t.net, scale, s)),
                    };
                steps.push(run.steps);
                builtins = run.builtins.clone();
                results.push(outs);
            }
            cairo = Some(CairoInfo {
                package: program.dir.display().to_string(),
                program_hash: format!("{:#x}", program.program.program_hash),
                bytecode_words: program.program.bytecode.len(),
                steps,
                builtins,
            });
        }
    }
    let report = RunReport {
        model: args.model.display().to_string(),
        backend: match args.backend {
            Backend::Cairo => "cairo",
            Backend::Reference => "reference",
        },
        scale: scale.bits(),
        calibration,
        cairo,
        samples: results,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render::run_report(&report, &t.net));
    }
    Ok(())
}

/// A failed Cairo run says only that the program panicked; the reference
/// runtime, which has the same semantics, says where and why.
pub(super) fn explain_failure(err: anyhow::Error, net: &Network, scale: Scale, sample: &BoundSample) -> anyhow::Error {
    let fx = FixedArith::new(scale);
    let reason = match net.input_values(&fx, sample) {
        Err(e) => Some(e.to_string()),
        Ok(values) => net.evaluate(&fx, values).err().map(|e| e.to_string()),
    };
    let panicked = err.chain().any(|c| {
        matches!(
            c.downcast_ref(),
            Some(cairn_transpiler::cairo_backend::BackendError::Cairo(cairn_runtime::cairo::CairoError::Panic(_)))
        )
    });
    match (reason, panicked) {
        // The reference has the same semantics and says where and why.
        (Some(r), true) => anyhow::anyhow!("the Cairo program panicked: {r}"),
        (Some(r), false) => err.context(format!("the Cairo run failed; the reference runtime reports: {r}")),
        (None, _) => err
            .context("the Cairo run failed although the reference runtime succeeds on this input (please report this)"),
    }
}

fn compile_with_progress(dir: &Path, quiet: bool) -> Result<PackageProgram> {
    let tc = Toolchain::locate()?;
    let program = progress::step("compiling Cairo (Sierra → CASM)", quiet, || compile_package(&tc, dir))?;
    Ok(program)
}

/// Where `cairn run model.onnx --backend cairo` keeps the package it generates.
pub(super) fn cached_package_dir(model: &Path, scale: Scale) -> Result<PathBuf> {
    let bytes = std::fs::read(model).with_context(|| format!("reading {}", model.display()))?;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let cache = std::env::var_os("CAIRN_CACHE").map(PathBuf::from).unwrap_or_else(|| {
        std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(".")).join(".cache/cairn")
    });
    Ok(cache.join("packages").join(format!("{h:016x}-s{}", scale.bits())))
}

pub(super) fn write_package(
    net: &Network,
    model: &Path,
    dir: &Path,
    scale: Scale,
    input_shapes: Option<Vec<Vec<usize>>>,
) -> Result<Manifest> {
    let model_name = model.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "model.onnx".into());
    let opts = TranspileOptions { scale, input_shapes, model_name, fast_dense: true };
    let package = generate(net, &opts).context("Cairo code generation failed")?;
    let bytes = std::fs::read(model).with_context(|| format!("reading {}", model.display()))?;
    package.write_to(dir, &bytes).with_context(|| format!("writing the package to {}", dir.display()))?;
    Ok(package.manifest)
}

/// Writes `bytes` to `path` through a temporary sibling, so a failed or
/// interrupted write never leaves a half-written proof.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().with_context(|| format!("{} is not a file path", path.display()))?;
    let tmp = path.with_file_name(format!(".{}.tmp", name.to_string_lossy()));
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

fn transpile(args: TranspileArgs) -> Result<()> {
    let net = resolve(&args.model)?;
    let (scale, calibration) = choose_scale(&net, &args.scale)?;
    if let Some(c) = &calibration {
        eprintln!("calibration: scale {} (expected error vs f32: max {:.3e})", c.scale, c.max_abs_error);
    }
    let mut manifest = write_package(&net, &args.model, &args.output, scale, None)?;
    if !args.no_compile {
        let program = compile_with_progress(&args.output, args.json)?;
        manifest.program_hash = Some(format!("{:#x}", program.program.program_hash));
        let text = serde_json::to_string_pretty(&manifest)? + "\n";
        write_atomically(&args.output.join(cairn_transpiler::codegen::package::MANIFEST_FILE), text.as_bytes())?;
        if !args.json {
            eprintln!("{} bytecode words", program.program.bytecode.len());
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&manifest)?);
    } else {
        print!("{}", render::transpile_summary(&args.output, &manifest));
    }
    Ok(())
}

fn inspect(args: InspectArgs) -> Result<()> {
    let model = load_model(&args.model)?;
    let report = render::inspect_report(&args.model, model);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render::inspect_text(&report));
    }
    Ok(())
}
