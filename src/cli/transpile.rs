//! `cairn transpile`: an ONNX model becomes a Cairo package, compiled unless
//! `--no-compile` (the manifest then records the program hash).

use anyhow::Result;
use cairn::Model;

use super::commands::TranspileArgs;
use super::{render, target};

pub fn transpile(args: TranspileArgs) -> Result<()> {
    if !args.force && args.output.join(cairn::transpiler::codegen::package::MANIFEST_FILE).is_file() {
        anyhow::bail!("{} already holds a cairn package; pass --force to replace it", args.output.display());
    }
    let model = Model::load(&args.model)?;
    let (scale, calibration) = target::choose_scale(&model, &args.scale)?;
    if let Some(c) = &calibration {
        eprintln!("calibration: scale {} (expected error vs f32: max {:.3e})", c.scale, c.max_abs_error);
    }
    let mut package = model.transpile(&args.output, scale, None)?;
    if !args.no_compile {
        let program = target::compile(&package, args.json)?;
        if !args.json {
            eprintln!("{} bytecode words", program.compiled().bytecode.len());
        }
        package = program.package().clone();
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(package.manifest())?);
    } else {
        print!("{}", render::transpile_summary(&args.output, package.manifest()));
    }
    Ok(())
}
