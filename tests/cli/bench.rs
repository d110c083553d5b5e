//! `cairn bench` anywhere: with no model it proves the bundled examples the
//! binary carries (from a directory that is not the repository), and it takes
//! any model file or package with `--input`. `-q` leaves standard error
//! empty on success.

use std::process::Command;

use crate::support::cairn_status;

#[test]
fn bench_proves_the_bundled_models_from_any_directory() {
    let empty = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_cairn"))
        .args(["-q", "bench", "--json"])
        .current_dir(empty.path())
        .output()
        .expect("run cairn");
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert_eq!(stderr, "", "-q prints nothing on standard error");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let models = v["models"].as_array().expect("models");
    let names: Vec<&str> = models.iter().filter_map(|m| m["model"].as_str()).collect();
    assert_eq!(names, ["mlp (bundled)", "cnn (bundled)"]);
    for m in models {
        // The benchmark verifies its own proof; a row exists only if it did.
        assert!(m["security_bits"].as_u64().is_some_and(|b| b >= 96) && m["proof_bytes"].as_u64() > Some(0), "{m}");
    }
}

#[test]
fn bench_takes_a_model_file_with_its_input() {
    let (code, stdout, stderr) =
        cairn_status(&["bench", "examples/mlp/model.onnx", "--input", "examples/mlp/input.json", "--json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(v["models"][0]["model"], "examples/mlp/model.onnx");
    assert!(stderr.contains("proving ("), "progress without -q: {stderr}");

    let (code, _, stderr) = cairn_status(&["bench", "examples/mlp/model.onnx"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("give the sample to prove with --input"), "{stderr}");
    let (code, _, stderr) = cairn_status(&["bench", "--input", "examples/mlp/input.json"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("give a model"), "{stderr}");
}
