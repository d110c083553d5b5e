//! The one JSON layout every command prints with `--json` (docs/json.md).
//!
//! Every document is an object that starts with `schema_version` and
//! `command`; the command's report follows, built from the shared pieces
//! below (tensors, samples, builtin counts). Numbers a script could lose
//! precision on — raw fixed-point integers, felts, token amounts — are
//! strings, so that jq and JavaScript (whose numbers are doubles, exact only
//! below 2^53) read them unchanged. A failure prints the same envelope with
//! an `error` object (`failure::ErrorReport`).

use std::sync::OnceLock;

use anyhow::Result;
use cairn::transpiler::outputs::row_argmax;
use cairn::OutputTensor;
use serde::{Serialize, Serializer};

/// Bumped when a field changes meaning or disappears; adding fields does not
/// bump it (readers ignore fields they do not know).
pub const SCHEMA_VERSION: u32 = 1;

/// The command path (`run`, `registry deploy`, …) every document names; set
/// once by `main` from the parsed arguments.
static COMMAND: OnceLock<String> = OnceLock::new();

pub fn set_command(path: String) {
    let _ = COMMAND.set(path);
}

fn command() -> &'static str {
    COMMAND.get().map_or("", String::as_str)
}

#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    schema_version: u32,
    command: &'a str,
    #[serde(flatten)]
    report: &'a T,
}

/// The document for `report` (a struct or a map: its fields follow the
/// envelope's).
pub fn document<T: Serialize>(report: &T) -> Result<String> {
    Ok(serde_json::to_string_pretty(&Envelope { schema_version: SCHEMA_VERSION, command: command(), report })?)
}

/// Prints the document for `report` on standard output.
pub fn print<T: Serialize>(report: &T) -> Result<()> {
    println!("{}", document(report)?);
    Ok(())
}

/// A tensor as every command reports it.
#[derive(Serialize)]
pub struct Tensor {
    pub name: String,
    pub dtype: String,
    pub shape: Vec<usize>,
    /// Real values (`raw / 2^scale` for a fixed-point tensor; the integers
    /// themselves for an integer tensor).
    pub values: Vec<f64>,
    /// The exact integers the values come from, as decimal strings (empty for
    /// a float evaluation).
    #[serde(serialize_with = "decimal_strings")]
    pub raw: Vec<i64>,
    /// For an output with more than one value per row (last axis): the index
    /// of each row's largest value (the first on ties) — the predicted class
    /// of a classifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub argmax: Option<Vec<usize>>,
}

impl Tensor {
    pub fn output(t: OutputTensor) -> Tensor {
        let rows = t.shape.last().is_some_and(|&d| d > 1) && !t.values.is_empty();
        let argmax = rows.then(|| row_argmax(&t));
        Tensor { argmax, ..Tensor::input(t) }
    }

    pub fn input(t: OutputTensor) -> Tensor {
        Tensor { name: t.name, dtype: t.dtype, shape: t.shape, values: t.values, raw: t.raw, argmax: None }
    }
}

/// One inference: its outputs, and where the command knows them (a proof
/// binds them), its inputs.
#[derive(Serialize)]
pub struct Sample {
    pub outputs: Vec<Tensor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inputs: Option<Vec<Tensor>>,
}

impl Sample {
    pub fn outputs(outputs: Vec<OutputTensor>) -> Sample {
        Sample { outputs: outputs.into_iter().map(Tensor::output).collect(), inputs: None }
    }

    pub fn with_inputs(outputs: Vec<OutputTensor>, inputs: Vec<OutputTensor>) -> Sample {
        Sample { inputs: Some(inputs.into_iter().map(Tensor::input).collect()), ..Sample::outputs(outputs) }
    }
}

impl From<cairn::transpiler::io::DecodedIo> for Sample {
    fn from(io: cairn::transpiler::io::DecodedIo) -> Sample {
        Sample::with_inputs(io.outputs, io.inputs)
    }
}

fn decimal_strings<S: Serializer>(v: &[i64], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|q| q.to_string()))
}

/// Builtin instance counts as an object `{"range_check": 120, …}`.
pub fn builtin_counts<S: Serializer>(v: &[(String, usize)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(v.iter().map(|(name, n)| (name, n)))
}
