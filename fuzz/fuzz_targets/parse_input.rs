//! Any byte string as an input file (JSON or .npy) of the bundled MLP:
//! parse, bind to the model's inputs and quantize. Errors, never panics.
#![no_main]

use std::sync::OnceLock;

use cairn_runtime::{FixedArith, Scale};
use cairn_transpiler::{inputs, load, Network};
use libfuzzer_sys::fuzz_target;

fn network() -> &'static Network {
    static N: OnceLock<Network> = OnceLock::new();
    N.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/mlp/model.onnx");
        Network::resolve(load::load_model(path.as_ref()).expect("the bundled MLP")).expect("resolves")
    })
}

fuzz_target!(|data: &[u8]| {
    let net = network();
    if let Ok(samples) = inputs::parse_samples(data, "fuzz input", net) {
        let fx = FixedArith::new(Scale::default());
        for s in &samples {
            if let Ok(b) = net.bind(s) {
                let _ = net.input_values(&fx, &b);
            }
        }
    }
});
