//! What commands print, as data: `--json` serializes these inside the shared
//! envelope (`json`, docs/json.md), `render` turns them into text.

use cairn::transpiler::calibrate::CalibrationReport;
use serde::Serialize;

use super::json::{builtin_counts, Sample};

/// The Cairo side of a run.
#[derive(Serialize)]
pub struct CairoInfo {
    pub package: String,
    pub program_hash: String,
    pub bytecode_words: usize,
    /// Cairo VM steps per sample.
    pub steps: Vec<usize>,
    /// Builtin instances used by the last sample's run, name → count.
    #[serde(serialize_with = "builtin_counts")]
    pub builtins: Vec<(String, usize)>,
}

#[derive(Serialize)]
pub struct RunReport {
    pub model: String,
    pub backend: &'static str,
    pub scale: u32,
    pub calibration: Option<CalibrationReport>,
    pub cairo: Option<CairoInfo>,
    /// With `--profile`: the first sample's run, node by node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<cairn::CostReport>,
    pub samples: Vec<Sample>,
}

#[derive(Serialize)]
pub struct ProveReport {
    pub proof: String,
    pub bytes: usize,
    pub security_bits: u32,
    pub program_hash: String,
    /// Whether the proof carries the program's bytecode (`--embed-program`);
    /// without it the proof is verified against the package.
    pub program_embedded: bool,
    pub steps: usize,
    pub trace_rows: usize,
    pub columns: usize,
    /// The proven inference (outputs and the input it binds), read with the
    /// package's manifest.
    pub samples: Vec<Sample>,
}

#[derive(Serialize)]
pub struct VerifyReport {
    pub valid: bool,
    pub program_hash: String,
    /// What the program hash was checked against, if anything.
    pub checked_against: Option<String>,
    pub security_bits: u32,
    pub trace_rows: usize,
    /// The proven output cells, as hex felts: `[len, outputs..., inputs...]`.
    pub output_felts: Vec<String>,
    /// The cells read with the package's manifest (`--model`): verified.
    /// Empty without `--model`.
    pub samples: Vec<Sample>,
    pub manifest_source: Option<String>,
    /// The cells read with the proof's own annotation (no `--model`): what
    /// the prover claims they mean, which nothing checks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unverified_samples: Vec<Sample>,
}
