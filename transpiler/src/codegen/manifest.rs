//! `cairn.json`: what a generated package is, for tools and people.

use serde::{Deserialize, Serialize};

use super::TranspileOptions;
use crate::network::Network;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IoSpec {
    pub name: String,
    pub dtype: String,
    pub shape: Vec<usize>,
    /// Names of the values (ai.onnx.ml): the class of each column of a
    /// ZipMap's probabilities, or the string labels a label output indexes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<String>>,
}

impl IoSpec {
    pub fn len(&self) -> usize {
        self.shape.iter().product()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn is_real(&self) -> bool {
        matches!(self.dtype.as_str(), "float32" | "float64" | "float16" | "bfloat16")
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub cairn_version: String,
    /// File name of the ONNX model (a copy is `model.onnx` in the package).
    pub model: String,
    pub opset: i64,
    /// Fraction bits s: reals are stored as round(x * 2^s).
    pub scale: u32,
    pub inputs: Vec<IoSpec>,
    pub outputs: Vec<IoSpec>,
    /// Operator types the generated code computes (folded ones excluded).
    pub ops: Vec<String>,
    pub nodes: usize,
    /// The compiler the program hash was computed with.
    pub compiler: String,
    /// Poseidon hash of the compiled CASM bytecode (hex); set by compilation.
    pub program_hash: Option<String>,
    /// The Cairo function of each emitted node, in emission order: what a
    /// cost report charges a run's steps to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub node_functions: Vec<NodeFunction>,
}

/// One node's function in `src/lib.cairo`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NodeFunction {
    /// The ONNX node's name.
    pub node: String,
    pub op_type: String,
    /// The Cairo function's name (`node_<name>`).
    pub function: String,
}

impl Manifest {
    pub(super) fn new(
        net: &Network,
        opts: &TranspileOptions,
        inputs: Vec<IoSpec>,
        outputs: Vec<IoSpec>,
        ops: Vec<String>,
    ) -> Manifest {
        Manifest {
            cairn_version: env!("CARGO_PKG_VERSION").to_string(),
            model: opts.model_name.clone(),
            opset: net.opset,
            scale: opts.scale.bits(),
            inputs,
            outputs,
            ops,
            nodes: net.nodes.len(),
            compiler: "cairo-lang 2.17.0".into(),
            program_hash: None,
            node_functions: Vec::new(),
        }
    }

    /// How many cells the outputs take in the output segment (before the
    /// echoed inputs).
    pub fn output_cells(&self) -> usize {
        self.outputs.iter().map(IoSpec::len).sum()
    }

    /// The manifest as the package stores it (pretty JSON, final newline).
    pub fn to_json(&self) -> String {
        // Plain data (strings, numbers, vectors): serialization cannot fail.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}
