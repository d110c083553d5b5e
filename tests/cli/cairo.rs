//! `cairn transpile` + `cairn run --backend cairo` on the bundled models print
//! the reference runtime's outputs, with step counts and the program hash.

use crate::support::{cairn, tmp_path};

fn json(args: &[&str]) -> serde_json::Value {
    let (ok, stdout, stderr) = cairn(args);
    assert!(ok, "cairn {args:?} failed:\n{stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("cairn {args:?}: not JSON ({e}):\n{stdout}"))
}

fn transpile_and_run(name: &str) {
    let model = format!("examples/{name}/model.onnx");
    let input = format!("examples/{name}/input.json");
    let dir = tmp_path(&format!("cli-cairo-{name}"));
    let dir_s = dir.to_str().expect("utf-8 path");
    let manifest = json(&["transpile", &model, "-o", dir_s, "--force", "--json"]);
    let hash = manifest["program_hash"].as_str().expect("the manifest records the program hash").to_string();
    assert!(hash.starts_with("0x"));

    let cairo = json(&["run", dir_s, "--input", &input, "--json"]);
    let reference = json(&["run", &model, "--input", &input, "--backend", "reference", "--json"]);
    assert_eq!(cairo["backend"], "cairo");
    assert_eq!(cairo["cairo"]["program_hash"], hash.as_str());
    let steps = cairo["cairo"]["steps"][0].as_u64().expect("steps");
    assert!(steps > 1000, "{name}: implausible step count {steps}");
    assert_eq!(
        cairo["samples"][0]["outputs"][0]["raw"], reference["samples"][0]["outputs"][0]["raw"],
        "{name}: Cairo != reference"
    );
    assert_eq!(cairo["samples"][0]["outputs"][0]["values"], reference["samples"][0]["outputs"][0]["values"]);

    // The text form shows the scores, the program hash and the steps.
    let (ok, text, stderr) = cairn(&["run", dir_s, "--input", &input]);
    assert!(ok, "{stderr}");
    assert!(text.contains(&hash) && text.contains(&format!("steps    {steps}")) && text.contains("argmax"), "{text}");
}

#[test]
fn run_profile_charges_the_steps_to_the_nodes() {
    let dir = tmp_path("cli-cairo-profile-mlp");
    let dir_s = dir.to_str().expect("utf-8 path");
    json(&["transpile", "examples/mlp/model.onnx", "-o", dir_s, "--force", "--json"]);
    let input = "examples/mlp/input.json";
    let report = json(&["run", dir_s, "--input", input, "--profile", "--json"]);
    let steps = report["cairo"]["steps"][0].as_u64().expect("steps");
    let cost = &report["cost"];
    assert_eq!(cost["steps"].as_u64(), Some(steps));
    let nodes = cost["nodes"].as_array().expect("nodes");
    let names: Vec<&str> = nodes.iter().map(|n| n["node"].as_str().expect("name")).collect();
    assert_eq!(names, ["fc1", "relu1", "fc2"]);
    let charged: u64 = nodes.iter().map(|n| n["steps"].as_u64().expect("steps")).sum::<u64>()
        + cost["framing_steps"].as_u64().expect("framing");
    assert_eq!(charged, steps);
    let rows = cost["trace_rows"].as_u64().expect("rows");
    assert!(rows.is_power_of_two() && rows >= steps, "{rows} rows for {steps} steps");

    // The text form lists the nodes, the rows and the estimate.
    let (ok, text, stderr) = cairn(&["run", dir_s, "--input", input, "--profile"]);
    assert!(ok, "{stderr}");
    assert!(
        text.contains("fc1") && text.contains(&format!("trace rows   {rows}")) && text.contains("estimate"),
        "{text}"
    );

    // The reference runtime has no steps to report.
    let (ok, _, stderr) =
        cairn(&["run", "examples/mlp/model.onnx", "--input", input, "--backend", "reference", "--profile"]);
    assert!(!ok && stderr.contains("--backend cairo"), "{stderr}");
}

#[test]
fn mlp_transpiles_and_runs_on_cairo() {
    transpile_and_run("mlp");
}

#[test]
fn cnn_transpiles_and_runs_on_cairo() {
    transpile_and_run("cnn");
}

#[test]
fn transpile_refuses_to_overwrite_foreign_directories() {
    let dir = tmp_path("cli-cairo-foreign");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("notes.txt"), "mine").expect("write");
    let (ok, _, stderr) = cairn(&["transpile", "examples/mlp/model.onnx", "-o", dir.to_str().unwrap(), "--no-compile"]);
    assert!(!ok && stderr.contains("is not a cairn package"), "{stderr}");
    assert!(dir.join("notes.txt").is_file(), "nothing of the user's is touched");
}

#[test]
fn transpile_replaces_a_package_only_with_force_and_never_deletes_user_files() {
    let dir = tmp_path("cli-cairo-replace");
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().unwrap();
    let args = ["transpile", "examples/mlp/model.onnx", "-o", d, "--no-compile"];
    let (ok, _, stderr) = cairn(&args);
    assert!(ok, "{stderr}");
    let (ok, _, stderr) = cairn(&args);
    assert!(!ok && stderr.contains("already holds a cairn package; pass --force"), "{stderr}");
    let (ok, _, stderr) = cairn(&[&args[..], &["--force"]].concat());
    assert!(ok, "{stderr}");
    // A file of the user's in the package: refused even with --force, and kept.
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    std::fs::write(dir.join("src/extra.cairo"), "// mine").unwrap();
    let (ok, _, stderr) = cairn(&[&args[..], &["--force"]].concat());
    assert!(!ok && stderr.contains("files cairn did not write (notes.txt, src/extra.cairo)"), "{stderr}");
    assert!(dir.join("notes.txt").is_file() && dir.join("src/extra.cairo").is_file(), "the user's files are kept");
    assert!(dir.join("cairn.json").is_file(), "the package is untouched");
}

/// A batch of two: the ONNX model (batch declared symbolically) gets a
/// program for that shape, and each row is the single-sample answer; a
/// package built for batch 1 says so and how to get one, exit code 4.
#[test]
fn a_batch_runs_through_the_model_and_a_package_says_what_it_was_built_for() {
    let one: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("examples/mlp/input.json").unwrap()).unwrap();
    let row = one["input"][0].clone();
    let batch = crate::support::write(
        "cli-batch-of-two.json",
        serde_json::json!({"input": [row.clone(), row]}).to_string().as_bytes(),
    );
    let batch = batch.to_str().unwrap();
    let single = json(&["run", "examples/mlp/model.onnx", "--input", "examples/mlp/input.json", "--json"]);
    let two = json(&["run", "examples/mlp/model.onnx", "--input", batch, "--json"]);
    let scores = &two["samples"][0]["outputs"][0];
    assert_eq!(scores["shape"], serde_json::json!([2, 10]));
    let raw_one = single["samples"][0]["outputs"][0]["raw"].as_array().unwrap().clone();
    assert_eq!(scores["raw"], serde_json::json!([raw_one.clone(), raw_one].concat()), "each row is the single answer");
    let best = &single["samples"][0]["outputs"][0]["argmax"][0];
    assert_eq!(scores["argmax"], serde_json::json!([best, best]));
    assert_ne!(two["cairo"]["program_hash"], single["cairo"]["program_hash"], "one program per batch size");

    let dir = tmp_path("cli-batch-package");
    let d = dir.to_str().unwrap();
    json(&["transpile", "examples/mlp/model.onnx", "-o", d, "--force", "--json"]);
    let (code, _, stderr) = crate::support::cairn_status(&["run", d, "--input", batch]);
    assert_eq!(code, Some(4), "{stderr}");
    assert!(stderr.contains("has shape [2, 64], but the package was generated for [1, 64]"), "{stderr}");
    assert!(stderr.contains("give the .onnx model, which gets a program per input shape"), "{stderr}");
}
