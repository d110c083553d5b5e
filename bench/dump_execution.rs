//! Records proof-mode runs of the bundled models as the prover's input
//! (`ExecutionInput`, JSON), so that the prover can be benchmarked and tuned
//! without the Cairo toolchain (`cargo run -p cairn-prover --release
//! --example prove_execution -- <file>`).
//!
//!     cargo run --example dump_execution -- <out dir> [examples/mlp ...]

use std::path::PathBuf;

use cairn::cairo::adapter::execution_input;
use cairn::{Model, Scale};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().ok_or("usage: dump_execution <out dir> [example dirs...]")?);
    let mut examples: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if examples.is_empty() {
        examples = vec!["examples/mlp".into(), "examples/cnn".into()];
    }
    std::fs::create_dir_all(&out)?;
    for dir in examples {
        let model = Model::load(dir.join("model.onnx"))?;
        let sample = model.read_samples(dir.join("input.json"))?.remove(0);
        let program = model.cached_package(Scale::new(16)?, &sample)?.compile()?;
        let run = program.run_for_proof(&sample)?;
        let input = execution_input(program.compiled(), &run.vm)?;
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("model");
        let path = out.join(format!("{name}.execution.json"));
        std::fs::write(&path, serde_json::to_vec(&input)?)?;
        println!("{}: {} steps → {}", dir.display(), input.trace.len(), path.display());
    }
    Ok(())
}
