//! Declarative CLI definition (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "cairn", version, about = "Verifiable ML inference: ONNX → exact fixed point → Cairo → STARK → Starknet")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a model on an input and print its outputs (as reals and as raw fixed-point integers).
    Run(RunArgs),
    /// Show a model's graph, shapes, and which operators cairn supports.
    Inspect(InspectArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Backend {
    /// cairn's exact fixed-point reference runtime (the semantics Cairo and the prover reproduce).
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
    /// The ONNX model file.
    pub model: PathBuf,
    /// Input file: JSON {"<input name>": nested arrays}, EZKL's {"input_data": [[...]]}, or .npy.
    #[arg(long, short, value_name = "FILE")]
    pub input: PathBuf,
    #[arg(long, value_enum, default_value_t = Backend::Reference)]
    pub backend: Backend,
    #[command(flatten)]
    pub scale: ScaleArgs,
    /// Print machine-readable JSON instead of text.
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
