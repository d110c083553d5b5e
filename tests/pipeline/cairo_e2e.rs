//! The bundled models, transpiled to Cairo and run on the Cairo VM in proof
//! mode, give exactly the reference runtime's integers on every bundled sample.

use std::path::{Path, PathBuf};

use cairn_runtime::{FixedArith, Scale, Value};
use cairn_transpiler::codegen::{transpile, TranspileOptions};
use cairn_transpiler::inputs::read_samples;
use cairn_transpiler::load::load_model;
use cairn_transpiler::network::Network;

fn check_model(name: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name);
    let model_path = root.join("model.onnx");
    let net = Network::resolve(load_model(&model_path).expect("load")).expect("resolve");
    let scale = Scale::new(16).expect("scale");
    let opts = TranspileOptions { scale, input_shapes: None, model_name: "model.onnx".into(), fast_dense: true };
    let package = transpile(&net, &opts).expect("transpile");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cairo-e2e").join(name);
    package.write_to(&dir, &std::fs::read(&model_path).expect("model bytes")).expect("write package");
    let t0 = std::time::Instant::now();
    let program = cairn::Package::open(&dir).and_then(|p| p.compile()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{name}: compiled in {:.1?}, {} bytecode words", t0.elapsed(), program.compiled().bytecode.len());
    let samples = read_samples(&root.join("samples.json"), &net).expect("samples");
    let fx = FixedArith::new(scale);
    for (i, s) in samples.iter().enumerate() {
        let bound = net.bind(s).expect("bind");
        let reference = net.evaluate(&fx, net.input_values(&fx, &bound).expect("quantize")).expect("reference");
        let run = program.run_for_proof(&bound).unwrap_or_else(|e| panic!("sample {i}: {e}"));
        for (o, r) in run.outputs.iter().zip(&reference) {
            let want = match r {
                Value::Real(t, _) | Value::Int(t, _) => t.data(),
            };
            assert_eq!(o.raw, want, "{name} sample {i}: Cairo output '{}' differs from the reference", o.name);
        }
        if i == 0 {
            eprintln!("{name}: {} steps, builtins {:?}", run.vm.steps, run.vm.builtins);
        }
    }
}

#[test]
fn mlp_on_cairo_equals_reference() {
    check_model("mlp");
}

#[test]
fn cnn_on_cairo_equals_reference() {
    check_model("cnn");
}
