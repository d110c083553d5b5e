//! What most commands start from: a model given as an ONNX file or as a
//! package directory, its scale, its samples, and its compiled program.

use std::path::Path;

use anyhow::{bail, Context, Result};
use cairn::transpiler::calibrate::CalibrationReport;
use cairn::{BoundSample, Model, Package, Program, Scale};

use super::commands::ScaleArgs;
use super::progress;

/// A model given as a package directory or an ONNX file.
pub struct Target {
    pub model: Model,
    /// The package, when given one.
    pub package: Option<Package>,
}

pub fn target(path: &Path) -> Result<Target> {
    if path.is_dir() {
        let package = Package::open(path)?;
        let model = package.model().with_context(|| format!("the model copy in package {}", path.display()))?;
        return Ok(Target { model, package: Some(package) });
    }
    Ok(Target { model: Model::load(path)?, package: None })
}

/// The samples of an input file, each checked against the model.
pub fn samples(model: &Model, path: &Path) -> Result<Vec<BoundSample>> {
    Ok(model.read_samples(path)?)
}

/// The scale from `--scale`, `--calibrate`, or the default.
pub fn choose_scale(model: &Model, args: &ScaleArgs) -> Result<(Scale, Option<CalibrationReport>)> {
    if let Some(path) = &args.calibrate {
        let samples = samples(model, path).context("reading calibration samples")?;
        let report = model.calibrate(&samples, args.headroom)?;
        return Ok((Scale::new(report.scale)?, Some(report)));
    }
    let bits = args.scale.unwrap_or(cairn::runtime::fixed::DEFAULT_SCALE);
    Ok((Scale::new(bits).context("--scale")?, None))
}

/// The scale of a package, or the one `--scale`/`--calibrate` choose for an ONNX file.
pub fn scale_for(t: &Target, args: &ScaleArgs) -> Result<(Scale, Option<CalibrationReport>)> {
    match &t.package {
        Some(p) => {
            if args.scale.is_some() || args.calibrate.is_some() {
                bail!(
                    "{} was transpiled at scale {}; --scale/--calibrate apply to ONNX files only",
                    p.dir().display(),
                    p.manifest().scale
                );
            }
            Ok((p.scale()?, None))
        }
        None => choose_scale(&t.model, args),
    }
}

/// The compiled program of a target: the package's, or for an ONNX file the
/// package for the sample's input shapes in cairn's cache.
pub fn program_for(t: &Target, scale: Scale, sample: &BoundSample, quiet: bool) -> Result<Program> {
    let package = match &t.package {
        Some(p) => p.clone(),
        None => t.model.cached_package(scale, sample)?,
    };
    compile(&package, quiet)
}

pub fn compile(package: &Package, quiet: bool) -> Result<Program> {
    Ok(progress::step("compiling Cairo (Sierra → CASM)", quiet, || package.compile())?)
}
