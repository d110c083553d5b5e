//! What `cairn inspect` reports about an ONNX model: its format, inputs,
//! outputs and weights, and — all at once — every problem that keeps cairn
//! from running it, per node, with the shapes inference reaches.

use std::path::Path;

use cairn_runtime::DType;
use serde::Serialize;

use crate::ir::{Dim, Model, TensorContent, ValueInfo, ValueType};
use crate::network::{Location, Network};

#[derive(Serialize)]
pub struct IoInfo {
    pub name: String,
    pub ty: String,
    /// How cairn delivers the value when it differs from the ONNX type
    /// (a ZipMap's sequence of maps, string class labels).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Serialize)]
pub struct NodeInfo {
    pub name: String,
    /// `ai.onnx` or `ai.onnx.ml`, or whatever other domain the node names.
    pub domain: String,
    pub op_type: String,
    pub inputs: Vec<String>,
    pub outputs: Vec<String>,
    /// Inferred output types and shapes (symbolic dimensions taken as 1).
    pub shapes: Vec<String>,
    pub problems: Vec<String>,
}

#[derive(Serialize)]
pub struct InspectReport {
    pub model: String,
    pub ir_version: i64,
    pub producer: String,
    pub opsets: Vec<String>,
    pub inputs: Vec<IoInfo>,
    pub outputs: Vec<IoInfo>,
    pub initializers: usize,
    pub parameters: usize,
    /// The largest finite |value| among the real initializers, and the
    /// largest fixed-point scale that stores it below 2^63 (a model run at a
    /// larger scale fails to quantize it).
    pub max_abs_weight: Option<f64>,
    pub max_weight_scale: Option<u32>,
    pub supported: bool,
    /// Every problem that prevents running the model.
    pub problems: Vec<String>,
    pub unsupported_ops: Vec<String>,
    pub shape_inference_error: Option<String>,
    pub nodes: Vec<NodeInfo>,
}

fn value_type(v: &ValueInfo) -> String {
    match &v.ty {
        ValueType::Tensor { elem_type, shape } => {
            let ty =
                DType::from_onnx(*elem_type).map(|d| d.name()).unwrap_or_else(|| DType::onnx_code_name(*elem_type));
            match shape {
                Some(dims) => format!("{ty}[{}]", dims.iter().map(Dim::to_string).collect::<Vec<_>>().join(", ")),
                None => format!("{ty}[?]"),
            }
        }
        ValueType::Other(kind) => kind.to_string(),
    }
}

/// Inspects a loaded model (`path` names it in the report).
pub fn inspect_report(path: &Path, model: Model) -> InspectReport {
    let g = &model.graph;
    let init_names: Vec<&str> = g.initializers.iter().map(|t| t.name.as_str()).collect();
    let parameters = g
        .initializers
        .iter()
        .map(|t| match &t.content {
            TensorContent::Literal(l) => l.len(),
            TensorContent::Unusable(_) => 0,
        })
        .sum();
    let mut nodes: Vec<NodeInfo> = g
        .nodes
        .iter()
        .map(|n| NodeInfo {
            name: n.name.clone(),
            domain: crate::ops::canonical_domain(&n.domain).to_string(),
            op_type: n.op_type.clone(),
            inputs: n.inputs.clone(),
            outputs: n.outputs.clone(),
            shapes: Vec::new(),
            problems: Vec::new(),
        })
        .collect();
    let mut report = InspectReport {
        model: path.display().to_string(),
        ir_version: model.ir_version,
        producer: format!("{} {}", model.producer_name, model.producer_version).trim().to_string(),
        opsets: model
            .opset_imports
            .iter()
            .map(|o| format!("{} {}", if o.domain.is_empty() { "ai.onnx" } else { &o.domain }, o.version))
            .collect(),
        inputs: g
            .inputs
            .iter()
            .filter(|i| !init_names.contains(&i.name.as_str()))
            .map(|i| IoInfo { name: i.name.clone(), ty: value_type(i), note: None })
            .collect(),
        outputs: g.outputs.iter().map(|o| IoInfo { name: o.name.clone(), ty: value_type(o), note: None }).collect(),
        initializers: g.initializers.len(),
        parameters,
        max_abs_weight: None,
        max_weight_scale: None,
        supported: false,
        problems: Vec::new(),
        unsupported_ops: Vec::new(),
        shape_inference_error: None,
        nodes: Vec::new(),
    };
    check_weights(g, &mut report);
    match Network::resolve(model) {
        Ok(net) => {
            // Weight problems found above still count.
            report.supported = report.problems.is_empty();
            for (info, out) in report.outputs.iter_mut().zip(&net.outputs) {
                let Some(labels) = &out.labels else { continue };
                let shown = labels.iter().take(8).cloned().collect::<Vec<_>>().join(", ");
                let more = if labels.len() > 8 { ", ..." } else { "" };
                info.note = Some(if info.ty.starts_with("sequence") {
                    format!(
                        "delivered as the [N, {}] probability tensor; its column labels ({shown}{more}) are in the package manifest",
                        labels.len()
                    )
                } else {
                    format!("string class labels delivered as int64 indices into ({shown}{more}), listed in the package manifest")
                });
            }
            match net.infer_shapes(&net.default_input_shapes()) {
                Ok(shapes) => {
                    for (info, sh) in nodes.iter_mut().zip(shapes) {
                        info.shapes = sh.outputs.iter().map(|(d, s)| format!("{d}{s:?}")).collect();
                    }
                }
                Err(e) => report.shape_inference_error = Some(e.to_string()),
            }
        }
        Err(unsupported) => {
            for p in &unsupported.problems {
                report.problems.push(format!("{}: {}", p.location, p.message));
                if let Location::Node { name, .. } = &p.location {
                    if let Some(n) = nodes.iter_mut().find(|n| &n.name == name) {
                        n.problems.push(p.message.clone());
                    }
                }
            }
            report.unsupported_ops = unsupported.unsupported_ops().into_iter().map(|(o, _)| o).collect();
        }
    }
    report.nodes = nodes;
    report
}

/// Non-finite real weights (NaN, ±inf) are problems: no scale quantizes them,
/// so no run of the model can succeed. The largest finite magnitude bounds
/// the scales the model can run at.
fn check_weights(g: &crate::ir::Graph, report: &mut InspectReport) {
    let mut max_abs: Option<f64> = None;
    for t in &g.initializers {
        let TensorContent::Literal(l) = &t.content else { continue };
        let cairn_runtime::LiteralData::Real(values) = &l.data else { continue };
        let bad: Vec<usize> = values.iter().enumerate().filter(|(_, v)| !v.is_finite()).map(|(i, _)| i).collect();
        if let Some(&first) = bad.first() {
            report.supported = false;
            report.problems.push(format!(
                "initializer `{}`: {} of {} values are not finite (the first, at flat index {first}, is {});                  no fixed-point scale can store them",
                t.name,
                bad.len(),
                values.len(),
                values[first]
            ));
        }
        for v in values.iter().filter(|v| v.is_finite()) {
            max_abs = Some(max_abs.map_or(v.abs(), |m: f64| m.max(v.abs())));
        }
    }
    report.max_abs_weight = max_abs;
    // round(|w| · 2^s) < 2^63  <=>  s < 63 − log2|w| (within rounding).
    if let Some(m) = max_abs {
        let fits = (0..=62u32).rev().find(|&s| (m * 2f64.powi(s as i32)).round() < 2f64.powi(63));
        if fits.is_none() {
            report.supported = false;
            report.problems.push(format!(
                "a weight of magnitude {m:e} exceeds 2^63 even at scale 0: no fixed-point scale can store it"
            ));
        }
        report.max_weight_scale = fits;
    }
}
