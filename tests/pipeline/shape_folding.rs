//! Shape subgraphs — `Shape → Gather → Unsqueeze → Concat → Reshape`, as
//! torch's TorchScript exporter writes for every `view`/`reshape` — fold at
//! transpile time: the shapes of computed tensors are static, so Cairo gets
//! constants and never computes a shape.

use std::collections::BTreeSet;
use std::path::Path;

use cairn_runtime::{DType, Scale};
use cairn_transpiler::codegen::{transpile, TranspileOptions};
use cairn_transpiler::network::Network;

/// Names of the nodes that have a function in generated code (from their
/// doc lines "/// Node `name` (OpType): ...").
fn emitted_nodes(lib: &str) -> BTreeSet<String> {
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("/// Node `"))
        .filter_map(|rest| rest.split_once("` (").map(|(name, _)| name.to_string()))
        .collect()
}

#[test]
fn torchscript_shape_arithmetic_folds_to_constants() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/series_transformer_torchscript/model.onnx");
    let model = cairn_transpiler::load::load_model(&path).expect("the corpus model loads");
    let net = Network::resolve(model).expect("resolves");
    // The shape arithmetic: every node computing an int64 tensor (shapes,
    // their elements, the Reshape targets built from them).
    let shapes = net.infer_shapes(&net.default_input_shapes()).expect("shapes");
    let shape_nodes: Vec<&str> = shapes
        .iter()
        .filter(|s| s.outputs.iter().all(|(dtype, _)| *dtype == DType::I64))
        .map(|s| s.node.as_str())
        .collect();
    let of_type =
        |op: &str| net.nodes.iter().filter(|n| n.op_type == op && shape_nodes.contains(&n.name.as_str())).count();
    let counts = [of_type("Shape"), of_type("Gather"), of_type("Unsqueeze"), of_type("Concat")];
    assert!(counts.iter().all(|&c| c >= 4), "the pattern under test is there: {counts:?}");
    let opts = TranspileOptions {
        scale: Scale::new(24).expect("scale"),
        input_shapes: None,
        model_name: "model.onnx".into(),
        fast_dense: true,
    };
    let package = transpile(&net, &opts).expect("transpiles");
    let emitted = emitted_nodes(&package.lib);
    assert!(emitted.len() > 20, "the model's data ops are emitted: {emitted:?}");
    let reached: Vec<&&str> = shape_nodes.iter().filter(|n| emitted.contains(**n)).collect();
    assert!(reached.is_empty(), "shape arithmetic reached Cairo: {reached:?}");
}
