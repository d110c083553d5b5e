//! The `--json` layout every command shares (docs/json.md), snapshot-tested
//! on the bundled MLP: transpile, run (both backends), inspect, prove,
//! verify, and failures. A change to the layout shows up as a snapshot diff;
//! a change that removes or renames a field also needs `SCHEMA_VERSION`
//! bumped and docs/json.md updated.
//!
//! The snapshots record the layout, not the figures that move with the code
//! generator or the prover: those fields are replaced by a placeholder of
//! their JSON type (`<number>`, `<string>`, …), and long arrays keep their
//! first three items and their length. Values the fixed-point semantics fix
//! (outputs, raw integers, argmax) are kept.

use std::path::Path;

use serde_json::{json, Value};

use crate::support::{cairn_status, scrub, tmp_path};

/// Fields whose values change with the code generator, the prover or the
/// machine, not with the schema.
const VOLATILE: &[&str] = &[
    "program_hash",
    "steps",
    "bytecode_words",
    "bytes",
    "trace_rows",
    "columns",
    "output_felts",
    "builtins",
    "cairn_version",
];

fn placeholder(v: &Value) -> Value {
    match v {
        Value::Null => Value::Null,
        Value::Bool(_) => json!("<bool>"),
        Value::Number(_) => json!("<number>"),
        Value::String(_) => json!("<string>"),
        Value::Array(items) => json!([items.first().map_or(json!("<empty>"), placeholder), "…"]),
        Value::Object(_) => json!("<object>"),
    }
}

/// The document's layout: volatile fields as placeholders, long arrays cut.
fn layout(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (k.clone(), if VOLATILE.contains(&k.as_str()) { placeholder(v) } else { layout(v) }))
                .collect(),
        ),
        Value::Array(items) if items.len() > 3 => {
            let mut kept: Vec<Value> = items[..3].iter().map(layout).collect();
            kept.push(json!(format!("… {} items in all", items.len())));
            Value::Array(kept)
        }
        Value::Array(items) => Value::Array(items.iter().map(layout).collect()),
        // Messages may quote a program hash.
        Value::String(s) => {
            json!(regex::Regex::new("0x[0-9a-f]{16,}").expect("regex").replace_all(&scrub(s), "<hash>").into_owned())
        }
        other => other.clone(),
    }
}

/// Runs `cairn args`, expecting exit code `code`; its standard output must
/// be one JSON document in the envelope.
fn document(args: &[&str], code: i32) -> Value {
    let (status, stdout, stderr) = cairn_status(args);
    assert_eq!(status, Some(code), "cairn {args:?}:\n{stdout}\n{stderr}");
    let v: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("cairn {args:?}: not JSON ({e}):\n{stdout}"));
    assert_eq!(v["schema_version"], 1, "{v}");
    let command = args.iter().take_while(|a| !a.starts_with('-') && !a.contains('/') && !a.contains('.'));
    assert_eq!(v["command"], command.copied().collect::<Vec<_>>().join(" "), "{v}");
    v
}

fn snapshot(name: &str, v: &Value) {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s.bind(|| insta::assert_snapshot!(name, serde_json::to_string_pretty(&layout(v)).expect("JSON")));
}

/// Every raw integer is a decimal string, every argmax a row count long.
fn check_tensors(samples: &Value) {
    for sample in samples.as_array().expect("samples") {
        for t in sample["outputs"].as_array().expect("outputs") {
            let raw = t["raw"].as_array().expect("raw");
            assert!(raw.iter().all(|q| q.as_str().is_some_and(|q| q.parse::<i64>().is_ok())), "{t}");
            let row = t["shape"].as_array().unwrap().last().and_then(Value::as_u64).unwrap();
            let rows = t["values"].as_array().unwrap().len() as u64 / row;
            assert_eq!(t["argmax"].as_array().map(Vec::len), Some(rows as usize), "{t}");
        }
    }
}

#[test]
fn every_command_prints_the_shared_layout() {
    let dir = tmp_path("json-schema-mlp");
    let _ = std::fs::remove_dir_all(&dir);
    let pkg = dir.to_str().unwrap();
    let proof = tmp_path("json-schema-mlp.proof");
    let proof_s = proof.to_str().unwrap();
    let (model, input) = ("examples/mlp/model.onnx", "examples/mlp/input.json");

    snapshot("json_transpile", &document(&["transpile", model, "-o", pkg, "--json"], 0));
    snapshot("json_inspect", &document(&["inspect", model, "--json"], 0));

    let reference = document(&["run", model, "--input", input, "--backend", "reference", "--json"], 0);
    check_tensors(&reference["samples"]);
    snapshot("json_run_reference", &reference);
    let cairo = document(&["run", pkg, "--input", input, "--json"], 0);
    assert_eq!(cairo["samples"], reference["samples"], "the Cairo program reproduces the reference");
    snapshot("json_run_cairo", &cairo);

    let proved = document(&["prove", pkg, "--input", input, "-o", proof_s, "--json"], 0);
    assert_eq!(proved["samples"][0]["outputs"], reference["samples"][0]["outputs"]);
    snapshot("json_prove", &proved);
    let verified = document(&["verify", proof_s, "--model", pkg, "--json"], 0);
    assert_eq!(verified["samples"], proved["samples"], "verify reports what prove did, inputs included");
    snapshot("json_verify", &verified);

    // Failures: the same envelope around an error object.
    snapshot("json_error_unusable_input", &document(&["verify", proof_s, "--any-program", "--json"], 4));
    let mut bytes = std::fs::read(&proof).expect("proof");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    let forged = tmp_path("json-schema-mlp-forged.proof");
    std::fs::write(&forged, &bytes).expect("write");
    let rejected = document(&["verify", forged.to_str().unwrap(), "--model", pkg, "--json"], 3);
    assert_eq!((&rejected["valid"], &rejected["error"]["kind"]), (&json!(false), &json!("invalid_proof")));
    assert!(Path::new(pkg).join("cairn.json").is_file());
}
