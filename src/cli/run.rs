//! `cairn run`: a model on the exact fixed-point runtime (`--backend
//! reference`) or its Cairo program on the Cairo VM.

use anyhow::Result;

use super::commands::{Backend, RunArgs};
use super::json::{self, Sample};
use super::reports::{CairoInfo, RunReport};
use super::{progress, render, target};

pub fn run(args: RunArgs) -> Result<()> {
    if cairn::staged::is_staged(&args.model) {
        return run_staged(args);
    }
    let t = target::target(&args.model)?;
    let (scale, calibration) = target::scale_for(&t, &args.scale)?;
    let samples = target::samples(&t.model, &args.input)?;
    let many = samples.len() > 1;
    let label = |i: usize| if many { format!("sample {i}") } else { args.input.display().to_string() };
    if args.profile && args.backend != Backend::Cairo {
        anyhow::bail!("--profile measures the Cairo program: use it with --backend cairo");
    }
    let mut results = Vec::with_capacity(samples.len());
    let mut cairo = None;
    let mut cost = None;
    match args.backend {
        Backend::Reference => {
            for (i, s) in samples.iter().enumerate() {
                let out = t.model.evaluate(scale, s).map_err(|e| match e {
                    // Evaluation errors name their node; say which sample.
                    cairn::Error::Eval(_) if !many => anyhow::Error::new(e).context("evaluation failed"),
                    e => anyhow::Error::new(e).context(label(i)),
                })?;
                results.push(out);
            }
        }
        Backend::Cairo => {
            let program = target::program_for(&t, scale, &samples[0], args.json)?;
            let mut steps = Vec::new();
            let mut builtins = Vec::new();
            for (i, s) in samples.iter().enumerate() {
                let step = format!("running on the Cairo VM ({})", label(i));
                let run = progress::step(&step, args.json, || program.run(s))?;
                steps.push(run.vm.steps);
                builtins = run.vm.builtins.clone();
                results.push(run.outputs);
            }
            if args.profile {
                let step = "measuring the cost of the first sample, node by node";
                cost = Some(progress::step(step, args.json, || program.cost_report(&samples[0]))?);
            }
            cairo = Some(CairoInfo {
                package: program.package().dir().display().to_string(),
                program_hash: format!("{:#x}", program.program_hash()),
                bytecode_words: program.compiled().bytecode.len(),
                steps,
                builtins,
            });
        }
    }
    let report = RunReport {
        model: args.model.display().to_string(),
        backend: backend_name(args.backend),
        scale: scale.bits(),
        calibration,
        cairo,
        cost,
        samples: results.into_iter().map(Sample::outputs).collect(),
    };
    if args.json {
        json::print(&report)?;
    } else {
        print!("{}", render::run_report(&report, t.model.network()));
        if let Some(c) = &report.cost {
            print!("{}", render::cost_report(c));
        }
    }
    Ok(())
}

/// A staged package: the reference runs the whole model; Cairo runs the
/// stages in a chain, each on the cells the one before wrote. The report's
/// program is the model hash, its steps and bytecode the stages' sums; the
/// text report then lists each stage's steps.
fn run_staged(args: RunArgs) -> Result<()> {
    let staged = cairn::StagedPackage::open(&args.model)?;
    if args.scale.scale.is_some() || args.scale.calibrate.is_some() {
        anyhow::bail!(
            "{} was transpiled at scale {}; --scale/--calibrate apply to ONNX files only",
            args.model.display(),
            staged.manifest().scale
        );
    }
    if args.profile {
        anyhow::bail!("--profile is not available for staged packages yet: profile a stage's package directory");
    }
    let model = staged.model()?;
    let scale = staged.scale()?;
    let samples = target::samples(&model, &args.input)?;
    let many = samples.len() > 1;
    let label = |i: usize| if many { format!("sample {i}") } else { args.input.display().to_string() };
    let mut results = Vec::with_capacity(samples.len());
    let mut cairo = None;
    let mut per_stage: Vec<usize> = Vec::new();
    match args.backend {
        Backend::Reference => {
            for (i, s) in samples.iter().enumerate() {
                results.push(model.evaluate(scale, s).map_err(|e| anyhow::Error::new(e).context(label(i)))?);
            }
        }
        Backend::Cairo => {
            let program = progress::step("compiling the stages (Sierra → CASM)", args.json, || staged.compile())?;
            let mut steps = Vec::new();
            let mut builtins: Vec<(String, usize)> = Vec::new();
            for (i, s) in samples.iter().enumerate() {
                let step = format!("running {} stages on the Cairo VM ({})", program.programs().len(), label(i));
                let run = progress::step(&step, args.json, || program.run(s))?;
                steps.push(run.stages.iter().map(|r| r.vm.steps).sum());
                per_stage = run.stages.iter().map(|r| r.vm.steps).collect();
                builtins.clear();
                for r in &run.stages {
                    for (name, n) in &r.vm.builtins {
                        match builtins.iter_mut().find(|(b, _)| b == name) {
                            Some((_, total)) => *total += n,
                            None => builtins.push((name.clone(), *n)),
                        }
                    }
                }
                results.push(run.outputs);
            }
            cairo = Some(CairoInfo {
                package: staged.dir().display().to_string(),
                program_hash: format!("{:#x}", program.model_hash()),
                bytecode_words: program.programs().iter().map(|p| p.compiled().bytecode.len()).sum(),
                steps,
                builtins,
            });
        }
    }
    let report = RunReport {
        model: args.model.display().to_string(),
        backend: backend_name(args.backend),
        scale: scale.bits(),
        calibration: None,
        cairo,
        cost: None,
        samples: results.into_iter().map(Sample::outputs).collect(),
    };
    if args.json {
        json::print(&report)?;
    } else {
        print!("{}", render::run_report(&report, model.network()));
        if !per_stage.is_empty() {
            println!("\nstages (the last sample's Cairo steps; each stage is its own trace):");
            for (i, (steps, entry)) in per_stage.iter().zip(&staged.manifest().stages).enumerate() {
                println!("  stage {i}  {:>10} steps  {} ({})", steps, entry.dir, entry.nodes.join(", "));
            }
        }
    }
    Ok(())
}

/// The backend as the report names it.
fn backend_name(backend: Backend) -> &'static str {
    match backend {
        Backend::Cairo => "cairo",
        Backend::Reference => "reference",
    }
}
