//! `cairn transpile`: an ONNX model becomes a Cairo package, compiled unless
//! `--no-compile` (the manifest then records the program hash).

use anyhow::Result;
use cairn::Model;

use super::commands::TranspileArgs;
use super::{progress, render, target};

pub fn transpile(args: TranspileArgs) -> Result<()> {
    let holds_package = args.output.join(cairn::transpiler::codegen::package::MANIFEST_FILE).is_file()
        || cairn::staged::is_staged(&args.output);
    if !args.force && holds_package {
        anyhow::bail!("{} already holds a cairn package; pass --force to replace it", args.output.display());
    }
    if let Some(n) = args.stages {
        return transpile_staged(&args, n as usize);
    }
    if let Some(rows) = args.max_rows {
        return transpile_within(&args, rows);
    }
    let model = Model::load(&args.model)?;
    let (scale, calibration) = target::choose_scale(&model, &args.scale)?;
    if let Some(c) = &calibration {
        progress::note(format_args!(
            "calibration: scale {} (expected error vs f32: max {:.3e})",
            c.scale, c.max_abs_error
        ));
    }
    let existed = args.output.exists();
    let mut package = model.transpile(&args.output, scale, None)?;
    if !args.no_compile {
        let program = match target::compile(&package, args.json) {
            Ok(p) => p,
            // A package that does not compile has no program hash and cannot
            // be run or proved: do not leave one behind where there was none.
            Err(e) if !existed => {
                let removed = std::fs::remove_dir_all(&args.output).is_ok();
                let what = if removed { "the package was removed" } else { "the package could not be removed" };
                return Err(e.context(format!("{what} ({})", args.output.display())));
            }
            Err(e) => return Err(e),
        };
        if !args.json {
            progress::note(format_args!("{} bytecode words", program.compiled().bytecode.len()));
        }
        package = program.package().clone();
    }
    if args.json {
        super::json::print(package.manifest())?;
    } else {
        print!("{}", render::transpile_summary(&args.output, package.manifest()));
    }
    Ok(())
}

/// `--stages N`: a staged package, every stage compiled unless `--no-compile`.
fn transpile_staged(args: &TranspileArgs, n: usize) -> Result<()> {
    if args.json {
        anyhow::bail!("--json is not available with --stages yet: read the package's stages.json");
    }
    let model = Model::load(&args.model)?;
    let (scale, _) = target::choose_scale(&model, &args.scale)?;
    let existed = args.output.exists();
    let staged = progress::step(&format!("cutting the model into {n} stages"), false, || {
        model.transpile_staged(&args.output, scale, None, n)
    })?;
    if !args.no_compile {
        let compiled = progress::step(&format!("compiling {n} stages (Sierra → CASM)"), false, || staged.compile());
        match compiled {
            Ok(program) => {
                progress::note(format_args!("model hash {:#x} (over the stage program hashes)", program.model_hash()))
            }
            Err(e) if !existed => {
                let removed = std::fs::remove_dir_all(&args.output).is_ok();
                let what = if removed { "the package was removed" } else { "the package could not be removed" };
                return Err(anyhow::Error::new(e).context(format!("{what} ({})", args.output.display())));
            }
            Err(e) => return Err(e.into()),
        }
    }
    let staged = cairn::StagedPackage::open(&args.output)?;
    print!("{}", render::staged_summary(&args.output, &staged));
    Ok(())
}

/// `--max-rows`: as few stages as fit the bound, measured on a sample.
fn transpile_within(args: &TranspileArgs, max_rows: usize) -> Result<()> {
    if args.json || args.no_compile {
        anyhow::bail!("--max-rows measures compiled stages and prints text: drop --json and --no-compile");
    }
    let model = Model::load(&args.model)?;
    let (scale, _) = target::choose_scale(&model, &args.scale)?;
    let input = args.input.as_ref().expect("clap requires --input with --max-rows");
    let samples = target::samples(&model, input)?;
    let sample = samples.first().ok_or_else(|| anyhow::anyhow!("{} holds no samples", input.display()))?;
    let said = |what: &str| progress::note(format_args!("{what}"));
    let (staged, report) = model.transpile_staged_within(&args.output, scale, sample, max_rows, &said)?;
    progress::note(format_args!(
        "the whole model runs {} steps; {} stages fit {max_rows} rows (attempt {}, ~{} steps per stage at most)",
        report.whole_steps,
        report.stages.len(),
        report.attempts,
        report.budget
    ));
    for (i, f) in report.stages.iter().enumerate() {
        progress::note(format_args!(
            "stage {i}: {} steps, needs {} rows → {} trace rows",
            f.steps, f.rows_needed, f.trace_rows
        ));
    }
    print!("{}", render::staged_summary(&args.output, &staged));
    Ok(())
}
