//! The `cairn` binary on its own: copied to an empty directory and run with
//! an empty HOME and no cairn variables, it transpiles, runs, proves and
//! verifies the bundled MLP — the corelib it needs is embedded in it and
//! written to the cache on first use.

use std::path::Path;
use std::process::Command;

fn run(bin: &Path, dir: &Path, home: &Path, args: &[&str]) -> String {
    let out = Command::new(bin)
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", home)
        .output()
        .expect("run the copied cairn");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "cairn {args:?} failed in a bare environment:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn a_copied_binary_with_an_empty_home_proves_and_verifies_the_mlp() {
    assert!(
        cairn::cairo::corelib_embedded(),
        "this build carries no corelib: run scripts/fetch-corelib.sh before building (scripts/test.sh does)"
    );
    let root = tempfile::tempdir().expect("temp dir");
    let (work, home) = (root.path().join("work"), root.path().join("home"));
    std::fs::create_dir_all(&work).unwrap();
    std::fs::create_dir_all(&home).unwrap();
    let bin = work.join("cairn");
    std::fs::copy(env!("CARGO_BIN_EXE_cairn"), &bin).expect("copy the binary");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mlp");
    std::fs::copy(examples.join("model.onnx"), work.join("model.onnx")).unwrap();
    std::fs::copy(examples.join("input.json"), work.join("input.json")).unwrap();

    let transpiled = run(&bin, &work, &home, &["transpile", "model.onnx", "-o", "pkg", "--json"]);
    let manifest: serde_json::Value = serde_json::from_str(&transpiled).expect("manifest JSON");
    let hash = manifest["program_hash"].as_str().expect("compiled: the manifest has the program hash").to_string();
    assert!(
        home.join(".cache/cairn/corelib/cairo-native-0.9.0-rc.5/src/lib.cairo").is_file(),
        "the corelib was written into the empty HOME's cache"
    );

    let ran: serde_json::Value =
        serde_json::from_str(&run(&bin, &work, &home, &["run", "pkg", "--input", "input.json", "--json"])).unwrap();
    assert_eq!(ran["cairo"]["program_hash"], hash.as_str());
    let raw = ran["samples"][0]["outputs"][0]["raw"].clone();
    assert!(raw.as_array().is_some_and(|r| r.len() == 10), "ten scores: {raw}");

    run(&bin, &work, &home, &["prove", "pkg", "--input", "input.json", "-o", "run.proof"]);
    let verified = run(&bin, &work, &home, &["verify", "run.proof", "--model", "pkg", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&verified).expect("verify JSON");
    assert_eq!(v["valid"], true, "{verified}");
    assert_eq!(v["program_hash"], hash.as_str(), "{verified}");
}

#[test]
fn a_transpile_that_cannot_compile_leaves_no_package_behind() {
    let root = tempfile::tempdir().expect("temp dir");
    let pkg = root.path().join("pkg");
    let out = Command::new(env!("CARGO_BIN_EXE_cairn"))
        .args(["transpile", "examples/mlp/model.onnx", "-o"])
        .arg(&pkg)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // a corelib directory that is not one: compilation cannot start
        .env("CAIRN_CORELIB", root.path().join("no-corelib-here"))
        .output()
        .expect("run cairn");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the transpile must fail");
    assert!(stderr.contains("corelib was not found") && stderr.contains("the package was removed"), "{stderr}");
    assert!(!pkg.exists(), "no half-made package (without a program hash) is left at {}", pkg.display());
}

/// Several cairn processes running the same model file on a cold cache:
/// one writes the package's cache entry while the others wait for it and
/// reuse it. Without the cross-process lock a later writer replaced the
/// directory an earlier one was compiling in ("No such file or directory").
#[test]
fn processes_sharing_a_cold_package_cache_all_succeed() {
    let cache = tempfile::tempdir().expect("temp cache");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_cairn"))
            .args(["-q", "run", "examples/mlp/model.onnx", "--input", "examples/mlp/input.json"])
            .current_dir(root)
            .env("CAIRN_CACHE", cache.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn cairn")
    };
    // The corelib is written into the fresh cache first, by a run of another
    // model: this test is about the package entries. (Concurrent first writes
    // of the corelib itself can still race; CI on a clean clone saw one.)
    let warm = Command::new(env!("CARGO_BIN_EXE_cairn"))
        .args(["-q", "run", "examples/cnn/model.onnx", "--input", "examples/cnn/input.json"])
        .current_dir(root)
        .env("CAIRN_CACHE", cache.path())
        .output()
        .expect("run cairn");
    assert!(warm.status.success(), "{}", String::from_utf8_lossy(&warm.stderr));
    let children: Vec<_> = (0..3).map(|_| spawn()).collect();
    let outputs: Vec<_> = children.into_iter().map(|c| c.wait_with_output().expect("wait")).collect();
    for out in &outputs {
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    // one result, printed by each
    assert!(outputs.windows(2).all(|w| w[0].stdout == w[1].stdout), "the runs disagree");
}
