//! ai.onnx.ml outputs that are not plain tensors in ONNX: a ZipMap's sequence
//! of maps is delivered as its probability tensor, and string class labels as
//! indices; the package manifest carries the names in both cases.

use std::path::Path;

use cairn_runtime::Scale;
use cairn_transpiler::codegen::{transpile, TranspileOptions};
use cairn_transpiler::network::Network;

use crate::golden::case::build;

fn options() -> TranspileOptions {
    TranspileOptions {
        scale: Scale::new(16).expect("scale"),
        input_shapes: None,
        model_name: "m.onnx".into(),
        fast_dense: false,
    }
}

#[test]
fn a_zip_map_output_is_the_probability_tensor_with_its_labels_in_the_manifest() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/fraud_forest/model.onnx");
    let model = cairn_transpiler::load::load_model(&path).expect("the corpus model loads");
    let net = Network::resolve(model).expect("skl2onnx's forest with ZipMap resolves");
    let package = transpile(&net, &options()).expect("transpiles");
    let outputs = &package.manifest.outputs;
    assert_eq!(outputs.len(), 2);
    assert_eq!((outputs[0].dtype.as_str(), outputs[0].labels.as_ref()), ("int64", None));
    assert_eq!(outputs[1].dtype, "float32");
    assert_eq!(outputs[1].shape, vec![1, 2]);
    assert_eq!(outputs[1].labels, Some(vec!["0".to_string(), "1".to_string()]));
    assert!(package.manifest_json().contains("\"labels\""), "the manifest file lists the labels");
}

#[test]
fn string_class_labels_are_indices_with_the_table_in_the_manifest() {
    let case = crate::golden::cases::linear_classifier::cases()
        .into_iter()
        .find(|c| c.name == "linear_classifier_strings")
        .expect("the golden case with string labels");
    let (model, _) = build(&case);
    let net = Network::resolve(model).expect("resolves");
    let package = transpile(&net, &options()).expect("transpiles");
    let label = &package.manifest.outputs[0];
    assert_eq!(label.dtype, "int64");
    assert_eq!(label.labels, Some(vec!["low".to_string(), "high".to_string()]));
    // The scores output has no names of its own.
    assert_eq!(package.manifest.outputs[1].labels, None);
}

#[test]
fn a_sequence_output_not_made_by_zip_map_is_refused() {
    use cairn_transpiler::ir::ValueType;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/fraud_forest/model.onnx");
    let mut model = cairn_transpiler::load::load_model(&path).expect("loads");
    // Make the label output (produced by a Cast) claim to be a sequence.
    model.graph.outputs[0].ty = ValueType::Other("sequence");
    let err = Network::resolve(model).expect_err("a sequence from Cast is not a tensor cairn can deliver");
    assert!(err.to_string().contains("sequence values are not supported"), "{err}");
}
