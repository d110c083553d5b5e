//! Any byte string → ONNX import and op-table resolution: errors, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(model) = cairn_transpiler::load::load_model_bytes(data, "fuzz input") {
        let _ = cairn_transpiler::Network::resolve(model);
    }
});
