//! Cairo `#[test]` modules that check generated code against the reference
//! runtime: the model's code, its quantized inputs, and the reference's
//! integers (or `#[should_panic]` when the reference rejects the input).
//! Used by the golden vectors and by the ONNX conformance run on Cairo.

use std::fmt::Write as _;

use cairn_runtime::{Arith, FixedArith, Scale, Value};

use super::{transpile, TranspileOptions};
use crate::inputs::{BoundSample, InputData};
use crate::network::Network;

fn ints(values: &[i64]) -> String {
    values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")
}

/// `pub mod <module> { <model code> #[test] fn golden() { ... } }`.
pub fn test_module(
    net: &Network,
    sample: &BoundSample,
    scale: Scale,
    fast_dense: bool,
    module: &str,
) -> Result<String, String> {
    let fx = FixedArith::new(scale);
    let mut flat_in = Vec::new();
    for (_, data) in &sample.tensors {
        match data {
            InputData::Real(v) => {
                for &x in v {
                    flat_in.push(fx.from_f64(x).map_err(|e| e.to_string())?);
                }
            }
            InputData::Int(v) => flat_in.extend(v),
        }
    }
    let values = net.input_values(&fx, sample).map_err(|e| e.to_string())?;
    let expected = net.evaluate(&fx, values);
    let shapes = sample.tensors.iter().map(|(s, _)| s.clone()).collect();
    let opts = TranspileOptions { scale, input_shapes: Some(shapes), model_name: format!("{module}.onnx"), fast_dense };
    let package = transpile(net, &opts).map_err(|e| e.to_string())?;
    let mut s = String::new();
    let _ = writeln!(s, "pub mod {module} {{");
    for line in package.module.lines() {
        if line.is_empty() {
            s.push('\n');
        } else {
            let _ = writeln!(s, "    {line}");
        }
    }
    s.push('\n');
    match expected {
        Ok(outs) => {
            let flat_out: Vec<i64> = outs
                .iter()
                .flat_map(|v| match v {
                    Value::Real(t, _) | Value::Int(t, _) => t.data().to_vec(),
                })
                .collect();
            let _ = writeln!(s, "    #[test]\n    fn golden() {{");
            let _ = writeln!(s, "        let out = run(array![{}].span());", ints(&flat_in));
            let _ = writeln!(s, "        assert(out.span() == array![{}].span(), 'golden mismatch');", ints(&flat_out));
            let _ = writeln!(s, "    }}");
        }
        Err(e) => {
            let _ = writeln!(s, "    /// The reference rejects this input: {e}");
            let _ = writeln!(s, "    #[test]\n    #[should_panic]\n    fn golden() {{");
            let _ = writeln!(s, "        run(array![{}].span());", ints(&flat_in));
            let _ = writeln!(s, "    }}");
        }
    }
    s.push_str("}\n");
    Ok(s)
}

/// `cairo_project.toml` of a test crate `name` (in `src/`) depending on the
/// library at `library_src` (relative or absolute path of cairo/src).
pub fn test_project(name: &str, library_src: &str) -> String {
    format!(
        "# GENERATED: a crate of Cairo tests of generated code.\n[crate_roots]\n{name} = \"src\"\ncairn = \"{library_src}\"\n\n\
         [config.global]\nedition = \"2024_07\"\n\n[config.override.{name}]\nedition = \"2024_07\"\n\n\
         [config.override.{name}.dependencies]\ncairn = {{ discriminator = \"cairn\" }}\n"
    )
}
