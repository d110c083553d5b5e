//! `cairn prove` + `cairn verify` on the bundled models, end to end from the
//! CLI: the proof verifies against the package, carries the reference
//! runtime's outputs and the input, and every forgery is refused with a clear
//! error and a failing exit status.

use std::path::Path;

use crate::support::{cairn, cairn_status, tmp_path};

fn json(args: &[&str]) -> serde_json::Value {
    let (ok, stdout, stderr) = cairn(args);
    assert!(ok, "cairn {args:?} failed:\n{stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("cairn {args:?}: not JSON ({e}):\n{stdout}"))
}

/// `cairn verify` must fail, saying `why`.
fn rejected(args: &[&str], why: &str) {
    let (ok, stdout, stderr) = cairn(args);
    assert!(!ok, "cairn {args:?} accepted a bad proof:\n{stdout}");
    assert!(stderr.contains(why), "cairn {args:?}: expected {why:?} in:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// The proof file's parts: magic + length, JSON header, STARK bytes.
fn split(bytes: &[u8]) -> (serde_json::Value, Vec<u8>) {
    let n = u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize;
    (serde_json::from_slice(&bytes[12..12 + n]).expect("JSON header"), bytes[12 + n..].to_vec())
}

fn join(header: &serde_json::Value, stark: &[u8]) -> Vec<u8> {
    let h = serde_json::to_vec(header).unwrap();
    let mut out = b"CAIRNPRF".to_vec();
    out.extend_from_slice(&(h.len() as u32).to_le_bytes());
    out.extend_from_slice(&h);
    out.extend_from_slice(stark);
    out
}

fn write(path: &Path, bytes: &[u8]) -> String {
    std::fs::write(path, bytes).expect("write");
    path.to_str().expect("utf-8").to_string()
}

fn flat(v: &serde_json::Value) -> Vec<f64> {
    match v {
        serde_json::Value::Array(a) => a.iter().flat_map(flat).collect(),
        x => vec![x.as_f64().expect("number")],
    }
}

fn prove_and_verify(name: &str) {
    let model = format!("examples/{name}/model.onnx");
    let input = format!("examples/{name}/input.json");
    let dir = tmp_path(&format!("cli-prove-{name}"));
    let dir_s = dir.to_str().expect("utf-8 path");
    let proof = tmp_path(&format!("cli-prove-{name}.proof"));
    let proof_s = proof.to_str().expect("utf-8 path");

    let manifest = json(&["transpile", &model, "-o", dir_s, "--force", "--json"]);
    let hash = manifest["program_hash"].as_str().expect("program hash").to_string();
    let reference = json(&["run", &model, "--input", &input, "--backend", "reference", "--json"]);
    let want_raw = &reference["samples"][0]["outputs"][0]["raw"];

    let proved = json(&["prove", dir_s, "--input", &input, "-o", proof_s, "--json"]);
    assert!(proved["security_bits"].as_u64().unwrap() >= 96, "{proved}");
    assert_eq!(proved["program_hash"], hash.as_str());
    assert_eq!(proved["program_embedded"], false, "{proved}");
    let rows = proved["trace_rows"].as_u64().unwrap();
    assert!(rows.is_power_of_two() && rows >= proved["steps"].as_u64().unwrap(), "{proved}");
    assert_eq!(&proved["samples"][0]["outputs"][0]["raw"], want_raw, "{name}: proved output != reference");

    // Verified against the package: the outputs are the reference's and the
    // input is the one given (the program echoes it into the proven output).
    let v = json(&["verify", proof_s, "--model", dir_s, "--json"]);
    assert_eq!(v["valid"], true);
    assert_eq!(v["program_hash"], hash.as_str());
    assert_eq!(&v["samples"][0]["outputs"][0]["raw"], want_raw);
    assert_eq!(&v["samples"][0]["outputs"][0]["values"], &reference["samples"][0]["outputs"][0]["values"]);
    let given: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&input).unwrap()).unwrap();
    let given = flat(given.as_object().unwrap().values().next().unwrap());
    assert_eq!(flat(&v["samples"][0]["inputs"][0]["values"]), given, "{name}: the proof binds the input");

    // The proof leaves the program's bytecode out: a verifier that knows only
    // the hash has nothing to check it against, and is told what to do.
    rejected(&["verify", proof_s, "--program-hash", &hash], "leaves out the bytecode");
    rejected(&["verify", proof_s, "--any-program"], "--embed-program");
    let slim_bytes = proved["bytes"].as_u64().unwrap();

    // The trace's FFTs take AVX-512 IFMA where the CPU has it; the portable path
    // (CAIRN_NO_IFMA) computes the same field values, so the proof is the same bytes.
    let portable = tmp_path(&format!("cli-prove-{name}-portable.proof"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cairn"))
        .args(["prove", dir_s, "--input", &input, "-o", portable.to_str().expect("utf-8 path"), "-q"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CAIRN_NO_IFMA", "1")
        .output()
        .expect("run cairn");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&portable).unwrap() == std::fs::read(&proof).unwrap(), "{name}: FFT paths disagree");

    // `--compact`: blowup 8 and fewer queries at the same security — a smaller
    // proof of the same run, verified the same way.
    let compact = tmp_path(&format!("cli-prove-{name}-compact.proof"));
    let compact_s = compact.to_str().expect("utf-8 path");
    let proved_compact = json(&["prove", dir_s, "--input", &input, "-o", compact_s, "--compact", "--json"]);
    assert!(proved_compact["security_bits"].as_u64().unwrap() >= 96, "{proved_compact}");
    let compact_bytes = proved_compact["bytes"].as_u64().unwrap();
    eprintln!("{name}: proof {slim_bytes} bytes, {compact_bytes} with --compact");
    assert!(compact_bytes < slim_bytes, "{compact_bytes} vs {slim_bytes}");
    let (header, _) = split(&std::fs::read(&compact).expect("compact proof"));
    assert_eq!(header["params"]["blowup_factor"], 8, "{header}");
    let v = json(&["verify", compact_s, "--model", dir_s, "--json"]);
    assert_eq!(v["valid"], true);
    assert_eq!(&v["samples"][0]["outputs"][0]["raw"], want_raw, "{name}: compact proof's output");

    // `--embed-program` keeps the bytecode, for such verifiers (the rest of this test).
    let proof = tmp_path(&format!("cli-prove-{name}-embedded.proof"));
    let proof_s = proof.to_str().expect("utf-8 path");
    let proved = json(&["prove", dir_s, "--input", &input, "-o", proof_s, "--embed-program", "--json"]);
    let full_bytes = proved["bytes"].as_u64().unwrap();
    assert_eq!(proved["program_embedded"], true, "{proved}");
    eprintln!("{name}: proof {slim_bytes} bytes, {full_bytes} with --embed-program");
    assert!(slim_bytes < full_bytes, "{slim_bytes} vs {full_bytes}");
    let v = json(&["verify", proof_s, "--model", dir_s, "--json"]);
    assert_eq!(&v["samples"][0]["outputs"][0]["raw"], want_raw, "an embedded proof verifies against the package too");
    let (ok, text, stderr) = cairn(&["verify", proof_s, "--program-hash", &hash]);
    assert!(ok, "{stderr}");
    assert!(text.contains("valid    yes") && text.contains(&format!("{hash} (matches --program-hash)")), "{text}");
    assert!(text.contains("argmax"), "{text}");
    // Without the package, the annotation's reading is labelled as the prover's word.
    assert!(text.contains("UNVERIFIED reading") && text.contains("(proven cells, raw felts)"), "{text}");
    let v = json(&["verify", proof_s, "--program-hash", &hash, "--json"]);
    assert!(
        v["samples"] == serde_json::json!([]) && v["unverified_samples"][0]["outputs"][0]["raw"] == *want_raw,
        "{v}"
    );
    // No trust anchor: refused before anything is read; --any-program says so loudly.
    rejected(&["verify", proof_s], "verify needs a trust anchor");
    let (ok, text, stderr) = cairn(&["verify", proof_s, "--any-program"]);
    assert!(ok, "{stderr}");
    assert!(text.contains("ANY program accepted") && text.contains("UNVERIFIED reading"), "{text}");
    rejected(&["verify", proof_s, "--any-program", "--model", dir_s], "cannot be used with");

    // Forgeries.
    let bytes = std::fs::read(&proof).expect("proof file");
    let bad = |tag: &str| tmp_path(&format!("cli-prove-{name}-{tag}.proof"));
    rejected(&["verify", proof_s, "--program-hash", "0x1234"], "program hash mismatch");
    rejected(&["verify", proof_s, "--any-program", "--security", "128"], "below the required 128");
    // Below the 80-bit floor only with the loud flag, and then loudly.
    rejected(&["verify", proof_s, "--any-program", "--security", "40"], "refusing to accept proofs below 80 bits");
    let (ok, _, stderr) =
        cairn(&["verify", proof_s, "--any-program", "--security", "40", "--insecure-accept-weak-proofs"]);
    assert!(ok && stderr.contains("WARNING: accepting proofs at 40 bits"), "{stderr}");
    rejected(
        &["verify", &write(&bad("truncated"), &bytes[..bytes.len() - 1000]), "--any-program"],
        "not a valid proof",
    );
    rejected(&["verify", &write(&bad("header-cut"), &bytes[..100]), "--any-program"], "truncated or corrupt");
    rejected(&["verify", &write(&bad("empty"), b""), "--any-program"], "not a cairn proof");

    let (header, stark) = split(&bytes);
    let mut changed = header.clone();
    // Output cell 1 is the first score: claim another value.
    changed["public_input"]["output"][1] = serde_json::Value::String("0x10000".into());
    rejected(
        &["verify", &write(&bad("output"), &join(&changed, &stark)), "--any-program"],
        "the STARK proof is invalid",
    );
    // The last echoed input cell: claim the proof was for another input.
    let mut changed = header.clone();
    let out = changed["public_input"]["output"].as_array_mut().unwrap();
    let last = out.len() - 1;
    out[last] = serde_json::Value::String("0x7".into());
    rejected(
        &["verify", &write(&bad("input"), &join(&changed, &stark)), "--any-program"],
        "the STARK proof is invalid",
    );
    // The annotation is unverified, but the package's manifest wins with --model.
    let mut changed = header.clone();
    changed["annotation"]["scale"] = serde_json::json!(8);
    let p = write(&bad("annotation"), &join(&changed, &stark));
    let v = json(&["verify", &p, "--model", dir_s, "--json"]);
    assert_eq!(&v["samples"][0]["outputs"][0]["values"], &reference["samples"][0]["outputs"][0]["values"]);
    // Without it, the forged scale's values appear only as the unverified reading.
    let v = json(&["verify", &p, "--program-hash", &hash, "--json"]);
    assert!(v["samples"] == serde_json::json!([]), "{v}");
    assert_ne!(&v["unverified_samples"][0]["outputs"][0]["values"], &reference["samples"][0]["outputs"][0]["values"]);
    // A flipped bit in the STARK part.
    let mut flipped = bytes.clone();
    let at = bytes.len() - stark.len() / 2;
    flipped[at] ^= 0x10;
    let flipped_s = write(&bad("flipped"), &flipped);
    let (ok, _, stderr) = cairn(&["verify", &flipped_s, "--any-program"]);
    assert!(!ok && stderr.contains("not a valid proof") && !stderr.contains("panicked"), "{stderr}");

    // Scripts tell a false proof from their own mistake: exit 3 and
    // `valid: false` for a rejected proof, exit 4 for input they must fix,
    // the error as JSON on standard output when they asked for JSON.
    let failure = |args: &[&str], code: i32, kind: &str, why: &str| {
        let (status, stdout, stderr) = cairn_status(args);
        assert_eq!(status, Some(code), "cairn {args:?}: {stderr}");
        assert!(stderr.contains(why), "cairn {args:?}: expected {why:?} in:\n{stderr}");
        if args.contains(&"--json") {
            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
            assert_eq!(v["error"]["kind"], kind, "{v}");
            assert!(v["error"]["message"].as_str().is_some_and(|m| m.contains(why)), "{v}");
            assert_eq!(v["valid"], if kind == "invalid_proof" { false.into() } else { serde_json::Value::Null }, "{v}");
        }
    };
    failure(&["verify", &flipped_s, "--model", dir_s, "--json"], 3, "invalid_proof", "not a valid proof");
    failure(&["verify", &flipped_s, "--model", dir_s], 3, "invalid_proof", "not a valid proof");
    failure(&["verify", proof_s, "--json"], 4, "unusable_input", "needs a trust anchor");
    failure(&["verify", proof_s, "--program-hash", "xyz", "--json"], 4, "unusable_input", "not a hex field element");
    failure(&["verify", "no/such.proof", "--any-program", "--json"], 4, "unusable_input", "reading no/such.proof");
    let wrong_input = if name == "mlp" { "examples/cnn/input.json" } else { "examples/mlp/input.json" };
    failure(&["run", dir_s, "--input", wrong_input, "--json"], 4, "unusable_input", "has no input named");
    let out = tmp_path(&format!("cli-prove-{name}-never-written"));
    failure(&["transpile", "no/such.onnx", "-o", out.to_str().unwrap(), "--json"], 1, "failed", "no/such.onnx");
}

#[test]
fn mlp_inference_proves_and_verifies_from_the_cli() {
    prove_and_verify("mlp");
}

#[test]
fn cnn_inference_proves_and_verifies_from_the_cli() {
    prove_and_verify("cnn");
}

#[test]
fn prove_takes_exactly_one_sample() {
    let proof = tmp_path("cli-prove-many.proof");
    let (ok, _, stderr) = cairn(&[
        "prove",
        "examples/mlp/model.onnx",
        "--input",
        "examples/mlp/samples.json",
        "-o",
        proof.to_str().unwrap(),
    ]);
    assert!(!ok && stderr.contains("a proof covers one inference"), "{stderr}");
    assert!(!proof.exists(), "no proof file is written");
}

#[test]
fn verify_refuses_missing_files_and_foreign_packages() {
    rejected(&["verify", "no/such.proof", "--any-program"], "reading no/such.proof");
    let dir = tmp_path("cli-prove-not-a-package");
    std::fs::create_dir_all(&dir).unwrap();
    let p = write(&tmp_path("cli-prove-junk.proof"), b"CAIRNPRF junk");
    rejected(&["verify", &p, "--model", dir.to_str().unwrap()], "is not a cairn package");
    rejected(&["verify", &p, "--any-program"], "not a valid proof");
}

#[test]
fn relabelled_builtins_forgery_is_rejected_by_cairn_verify() {
    // Issue 11's forgery: a run of an output + range_check program presented
    // as output-only, proved at the default security; its "output" ends in
    // p - 1, which nothing range-checked. The STARK alone accepts it.
    use cairn_prover::proof::{self, Params, DEFAULT_SECURITY_BITS};
    use cairn_prover::prover::AuxForgery;
    let t = cairn_prover::testing::forgery::range_check_dropped();
    let hash = proof::hex(&proof::program_hash(&t.public_input));
    let bytes = proof::prove_unchecked(
        t.columns,
        t.public_input,
        Params::for_security(DEFAULT_SECURITY_BITS),
        AuxForgery::Honest,
    )
    .expect("the malicious prover proves");
    cairn_prover::testing::stark_accepts(&bytes).expect("the STARK accepts the relabelled run");
    let p = write(&tmp_path("cli-prove-relabelled.proof"), &bytes);
    rejected(&["verify", &p, "--program-hash", &hash], "entry code for the claimed 1 builtins");
    rejected(&["verify", &p, "--any-program"], "entry code for the claimed 1 builtins");
}

#[test]
fn prove_warns_below_96_bits() {
    let proof = tmp_path("cli-prove-weak.proof");
    let (ok, report, stderr) = cairn(&[
        "prove",
        "examples/mlp/model.onnx",
        "--input",
        "examples/mlp/input.json",
        "-o",
        proof.to_str().unwrap(),
        "--security",
        "64",
        "--embed-program",
    ]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("warning: proving at 64 bits"), "{stderr}");
    assert!(report.contains("(bytecode in the proof: verifiable with --program-hash)"), "{report}");
    rejected(&["verify", proof.to_str().unwrap(), "--any-program"], "below the required 96");
}

#[test]
fn prove_checks_its_output_path_before_any_work() {
    let input = "examples/mlp/input.json";
    let missing = tmp_path("cli-prove-no-such-dir").join("run.proof");
    let dir = tmp_path("cli-prove-out-dir");
    std::fs::create_dir_all(&dir).unwrap();
    for (out, why) in [
        ("-".to_string(), "writing to standard output is not supported"),
        (dir.display().to_string(), "is a directory"),
        (missing.display().to_string(), "does not exist"),
    ] {
        let (ok, _, stderr) = cairn(&["prove", "examples/mlp/model.onnx", "--input", input, "-o", &out]);
        assert!(!ok && stderr.contains(why), "-o {out}: {stderr}");
        // Refused before compiling or running anything.
        assert!(!stderr.contains("compiling") && !stderr.contains("proving"), "-o {out}: {stderr}");
    }
    assert!(!Path::new("-").exists(), "no file named '-' is written");
}
