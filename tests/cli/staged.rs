//! Staged models from the CLI (docs/staged.md): `transpile --stages`, a
//! chained `run`, `prove` writing one bundle and `verify` checking it
//! against the staged package or the model hash; a damaged or foreign
//! bundle is refused with a clear error and a failing exit status.

use crate::support::{cairn, tmp_path};

fn ok(args: &[&str]) -> String {
    let (ok, stdout, stderr) = cairn(args);
    assert!(ok, "cairn {args:?} failed:\n{stderr}");
    stdout
}

fn rejected(args: &[&str], why: &str) {
    let (ok, stdout, stderr) = cairn(args);
    assert!(!ok, "cairn {args:?} accepted a bad bundle:\n{stdout}");
    assert!(stderr.contains(why), "cairn {args:?}: expected {why:?} in:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// The value after `label` on the line starting with it.
fn field(text: &str, label: &str) -> String {
    let line = text.lines().find(|l| l.starts_with(label)).unwrap_or_else(|| panic!("no {label:?} in:\n{text}"));
    line[label.len()..].split_whitespace().next().expect("a value").to_string()
}

#[test]
fn a_staged_cnn_transpiles_runs_proves_and_verifies_from_the_cli() {
    let dir = tmp_path("cli-staged-cnn");
    let dir_s = dir.to_str().unwrap();
    let input = "examples/cnn/input.json";
    let summary = ok(&["transpile", "examples/cnn/model.onnx", "-o", dir_s, "--stages", "2", "--force"]);
    assert!(summary.contains("staged: 2 stages"), "{summary}");
    let model_hash = field(&summary, "model hash ");

    // the chain's output is the whole model's
    let whole = ok(&["run", "examples/cnn/model.onnx", "--input", input]);
    let chained = ok(&["run", dir_s, "--input", input]);
    let raw = |t: &str| t.lines().find(|l| l.starts_with("  raw")).unwrap().to_string();
    assert_eq!(raw(&whole), raw(&chained), "the staged run's output is the model's");
    assert!(chained.contains("stage 1 "), "{chained}");

    let bundle = tmp_path("cli-staged-cnn.bundle");
    let bundle_s = bundle.to_str().unwrap();
    let proved = ok(&["prove", dir_s, "-i", input, "-o", bundle_s, "--jobs", "2"]);
    assert!(proved.contains("2 stage proofs"), "{proved}");
    assert_eq!(field(&proved, "model    "), model_hash, "the bundle is for the model the package names");

    let verified = ok(&["verify", bundle_s, "--model", dir_s]);
    assert!(verified.contains("every link intact"), "{verified}");
    assert_eq!(raw(&verified), raw(&whole), "the proven output is the model's");

    // the proofs leave their programs out: the hash alone cannot check them
    rejected(&["verify", bundle_s, "--program-hash", &model_hash], "leaves out the bytecode");
    rejected(&["verify", bundle_s], "needs a trust anchor");
    // a model hash that is not the package's
    rejected(&["verify", bundle_s, "--model", dir_s, "--program-hash", "0x1234"], "is not the model hash");
    // a bundle against a single program's package
    let single = tmp_path("cli-staged-single");
    let single_s = single.to_str().unwrap();
    ok(&["transpile", "examples/cnn/model.onnx", "-o", single_s, "--force"]);
    rejected(&["verify", bundle_s, "--model", single_s], "is a bundle of stage proofs");

    // damaged: truncated, one byte changed, stages missing
    let bytes = std::fs::read(&bundle).unwrap();
    let damaged = tmp_path("cli-staged-cnn-damaged.bundle");
    let damaged_s = damaged.to_str().unwrap();
    std::fs::write(&damaged, &bytes[..bytes.len() - 10]).unwrap();
    rejected(&["verify", damaged_s, "--model", dir_s], "is truncated");
    let mut flipped = bytes.clone();
    let at = bytes.len() - 1000;
    flipped[at] ^= 1;
    std::fs::write(&damaged, &flipped).unwrap();
    rejected(&["verify", damaged_s, "--model", dir_s], "is not a valid proof bundle");
    let mut one_stage = bytes.clone();
    one_stage[8..12].copy_from_slice(&1u32.to_le_bytes());
    std::fs::write(&damaged, &one_stage).unwrap();
    rejected(&["verify", damaged_s, "--model", dir_s], "is not a valid proof bundle");
}
