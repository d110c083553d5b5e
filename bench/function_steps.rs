//! Where a model's Cairo steps go, Sierra function by Sierra function: the
//! finer view behind `cairn run --profile`, which charges a node's library
//! calls to the node. Here each step goes to the innermost function running
//! it (a loop counts for the function it iterates: Cairo loops are
//! functions), so a split, a division or a copy shows up by itself. Used to
//! find what a node's steps are made of before optimising it.
//!
//!     cargo run --example function_steps -- model.onnx input.json [how many, default 30]
//!
//! The input file may hold several samples; the first is run.

use cairn::cairo::profile::attribute;
use cairn::cairo::Toolchain;
use cairn::{Model, Scale};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: function_steps <model.onnx> <input file> [how many]";
    let model = Model::load(args.next().ok_or(usage)?)?;
    let sample = model.read_samples(args.next().ok_or(usage)?)?.remove(0);
    let top: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(30);
    let package = model.cached_package(Scale::new(16)?, &sample)?;
    let program = package.compile()?;
    let run = program.run_for_proof(&sample)?;
    // the package compiled once more with the compiler's debug information
    let (compiled, map) = Toolchain::locate()?.compile_executable_mapped(package.dir())?;
    if compiled.program_hash != program.compiled().program_hash {
        return Err("the mapped compilation differs from the program that ran".into());
    }
    let charged = attribute(&run.vm.trace, &map, |f| Some(f.to_string()));
    let mut by_steps: Vec<(String, usize)> =
        charged.into_iter().map(|(f, s)| (f.unwrap_or_else(|| "(entry)".into()), s)).collect();
    by_steps.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let total = run.vm.steps;
    println!("{total} steps; the {top} functions with the most:");
    for (f, s) in by_steps.iter().take(top) {
        println!("{s:>10} {:>5.1}%  {f}", 100.0 * *s as f64 / total.max(1) as f64);
    }
    Ok(())
}
