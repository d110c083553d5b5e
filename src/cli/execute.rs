//! One function per subcommand: load, call the libraries, render.

use std::path::Path;

use anyhow::{bail, Context, Result};
use cairn_runtime::{FixedArith, Scale};
use cairn_transpiler::calibrate::{calibrate, CalibrationReport};
use cairn_transpiler::inputs::{read_samples, BoundSample};
use cairn_transpiler::ir::Model;
use cairn_transpiler::load::load_model;
use cairn_transpiler::network::Network;
use cairn_transpiler::outputs::{fixed_outputs, OutputTensor};
use serde::Serialize;

use super::commands::{Backend, Cli, Command, InspectArgs, RunArgs, ScaleArgs};
use super::render;

pub fn execute(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Run(args) => run(args),
        Command::Inspect(args) => inspect(args),
    }
}

fn load(path: &Path) -> Result<Model> {
    Ok(load_model(path)?)
}

fn resolve(path: &Path) -> Result<Network> {
    Network::resolve(load(path)?).with_context(|| format!("{}", path.display()))
}

fn bind_all(net: &Network, path: &Path) -> Result<Vec<BoundSample>> {
    let samples = read_samples(path, net)?;
    if samples.is_empty() {
        bail!("{} holds no samples", path.display());
    }
    let many = samples.len() > 1;
    samples
        .iter()
        .enumerate()
        .map(|(i, s)| {
            net.bind(s).with_context(|| if many { format!("{} (sample {i})", path.display()) } else { path.display().to_string() })
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

#[derive(Serialize)]
pub struct RunReport {
    pub model: String,
    pub backend: &'static str,
    pub scale: u32,
    pub calibration: Option<CalibrationReport>,
    pub samples: Vec<Vec<OutputTensor>>,
}

fn run(args: RunArgs) -> Result<()> {
    let net = resolve(&args.model)?;
    let (scale, calibration) = choose_scale(&net, &args.scale)?;
    let samples = bind_all(&net, &args.input)?;
    let Backend::Reference = args.backend;
    let fx = FixedArith::new(scale);
    let names: Vec<String> = net.outputs.iter().map(|o| o.name.clone()).collect();
    let mut results = Vec::with_capacity(samples.len());
    for (i, s) in samples.iter().enumerate() {
        let many = samples.len() > 1;
        let values = net.input_values(&fx, s).with_context(|| if many { format!("sample {i}") } else { args.input.display().to_string() })?;
        let out = net.evaluate(&fx, values).with_context(|| if many { format!("sample {i}") } else { "evaluation failed".to_string() })?;
        results.push(fixed_outputs(&names, &out, scale));
    }
    let report = RunReport {
        model: args.model.display().to_string(),
        backend: "reference",
        scale: scale.bits(),
        calibration,
        samples: results,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render::run_report(&report, &net));
    }
    Ok(())
}

fn inspect(args: InspectArgs) -> Result<()> {
    let model = load(&args.model)?;
    let report = render::inspect_report(&args.model, model);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render::inspect_text(&report));
    }
    Ok(())
}
