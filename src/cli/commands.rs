//! Declarative CLI definition (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "cairn",
    version,
    about = "Verifiable ML inference: ONNX → exact fixed point → Cairo → STARK → Starknet"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a model (an .onnx file or a transpiled package) on an input and print its outputs.
    Run(RunArgs),
    /// Generate the Cairo package of a model (readable Cairo calling the `cairn` library).
    Transpile(TranspileArgs),
    /// Show a model's graph, shapes, and which operators cairn supports.
    Inspect(InspectArgs),
    /// Run a model on one input and write a STARK proof that its Cairo program produced the output.
    Prove(ProveArgs),
    /// Check a proof; exit status 0 only when it is valid. Prints the proven outputs.
    Verify(VerifyArgs),
    /// Prove the bundled example models and print the prover's figures (steps, rows, time, memory, size).
    Bench(BenchArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Backend {
    /// The transpiled Cairo program on the Cairo VM, in proof mode (what gets proved).
    Cairo,
    /// cairn's fixed-point reference runtime (the semantics the Cairo program reproduces).
    Reference,
}

#[derive(Debug, Args)]
pub struct ScaleArgs {
    /// Fixed-point fraction bits s (values are stored as round(x·2^s)); default 16.
    #[arg(long, value_name = "BITS", conflicts_with = "calibrate")]
    pub scale: Option<u32>,
    /// Choose the scale from sample inputs (any input format; several samples allowed).
    #[arg(long, value_name = "FILE")]
    pub calibrate: Option<PathBuf>,
    /// Bits of headroom calibration keeps below the 64-bit limit (inputs up to 2^BITS times larger than the samples stay in range).
    #[arg(long, value_name = "BITS", default_value_t = cairn_transpiler::calibrate::DEFAULT_HEADROOM_BITS, requires = "calibrate")]
    pub headroom: u32,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// An ONNX model file, or a package directory made by `cairn transpile`.
    pub model: PathBuf,
    /// Input file: JSON {"<input name>": nested arrays}, EZKL's {"input_data": [[...]]}, or .npy.
    #[arg(long, short, value_name = "FILE")]
    pub input: PathBuf,
    #[arg(long, value_enum, default_value_t = Backend::Cairo)]
    pub backend: Backend,
    #[command(flatten)]
    pub scale: ScaleArgs,
    /// Print machine-readable JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TranspileArgs {
    /// The ONNX model file.
    pub model: PathBuf,
    /// Output directory (created, or replaced if it holds an earlier cairn package).
    #[arg(long, short, value_name = "DIR")]
    pub output: PathBuf,
    #[command(flatten)]
    pub scale: ScaleArgs,
    /// Only generate the sources; skip compiling (no program hash in the manifest).
    #[arg(long)]
    pub no_compile: bool,
    /// Print the manifest as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The ONNX model file.
    pub model: PathBuf,
    /// Print machine-readable JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SecurityArgs {
    /// Conjectured security in bits (as Winterfell estimates it); proofs below it are refused.
    #[arg(long, value_name = "BITS", default_value_t = cairn_prover::proof::DEFAULT_SECURITY_BITS,
          value_parser = clap::value_parser!(u32).range(1..=128))]
    pub security: u32,
}

#[derive(Debug, Args)]
pub struct ProveArgs {
    /// An ONNX model file, or a package directory made by `cairn transpile`.
    pub model: PathBuf,
    /// Input file holding one sample (same formats as `cairn run`).
    #[arg(long, short, value_name = "FILE")]
    pub input: PathBuf,
    /// Where to write the proof.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    #[command(flatten)]
    pub security: SecurityArgs,
    #[command(flatten)]
    pub scale: ScaleArgs,
    /// Print machine-readable JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The proof file.
    pub proof: PathBuf,
    /// Accept the proof only for this program hash (hex, as `cairn transpile` prints it).
    #[arg(long, value_name = "HASH")]
    pub program_hash: Option<String>,
    /// Accept the proof only for this package's program, and read its outputs with its manifest.
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// Minimum conjectured security in bits.
    #[arg(long, value_name = "BITS", default_value_t = cairn_prover::proof::DEFAULT_SECURITY_BITS)]
    pub security: u32,
    /// Print machine-readable JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Example directories, each holding `model.onnx` and `input.json`.
    #[arg(default_values = ["examples/mlp", "examples/cnn"])]
    pub examples: Vec<PathBuf>,
    #[command(flatten)]
    pub security: SecurityArgs,
    /// Print machine-readable JSON instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Also break down the prover's time per phase (from Winterfell's tracing
    /// spans) and the proof's bytes per part.
    #[arg(long)]
    pub profile: bool,
}
