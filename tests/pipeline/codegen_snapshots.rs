//! The generated Cairo of each bundled model, reviewed like code: a change to
//! the code generator shows up as a snapshot diff (CI fails on it).

use std::path::Path;

use cairn_runtime::Scale;
use cairn_transpiler::codegen::{transpile, TranspileOptions};
use cairn_transpiler::load::load_model;
use cairn_transpiler::network::Network;

fn generated(name: &str) -> (String, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name).join("model.onnx");
    let net = Network::resolve(load_model(&path).expect("load")).expect("resolve");
    let opts = TranspileOptions {
        scale: Scale::new(16).expect("scale"),
        input_shapes: None,
        model_name: "model.onnx".into(),
        fast_dense: true,
    };
    let package = transpile(&net, &opts).expect("transpile");
    let manifest = package.manifest_json();
    (package.lib, manifest)
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

#[test]
fn mlp_generated_cairo() {
    let (lib, manifest) = generated("mlp");
    settings().bind(|| {
        insta::assert_snapshot!("codegen_mlp_lib_cairo", lib);
        insta::assert_snapshot!("codegen_mlp_manifest", manifest);
    });
}

#[test]
fn cnn_generated_cairo() {
    let (lib, manifest) = generated("cnn");
    settings().bind(|| {
        insta::assert_snapshot!("codegen_cnn_lib_cairo", lib);
        insta::assert_snapshot!("codegen_cnn_manifest", manifest);
    });
}
