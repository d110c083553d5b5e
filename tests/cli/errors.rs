//! Every user-facing failure is a clear error naming the place and the cause:
//! malformed or non-ONNX files, unsupported operators (all listed at once),
//! wrong input shapes, NaN/Inf inputs, fixed-point overflow. Messages are
//! insta snapshots (`snapshots/`), reviewed like code.

use crate::support::*;

fn snapshot_settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

/// A model y = x · w + b with x: [1, 2].
fn linear(name: &str, w: &[f32]) -> std::path::PathBuf {
    let bytes = model(
        vec![node("scale", "Mul", &["x", "w"], &["xw"]), node("shift", "Add", &["xw", "b"], &["y"])],
        vec![tensor_info("x", &[1, 2])],
        vec![tensor_info("y", &[1, 2])],
        vec![float_tensor("w", &[2], w), float_tensor("b", &[2], &[0.5, -0.5])],
    );
    write(name, &bytes)
}

fn run_err(args: &[&str]) -> String {
    let (ok, stdout, stderr) = cairn(args);
    assert!(!ok, "expected failure, got success with output:\n{stdout}");
    assert!(stdout.is_empty(), "nothing may be printed to stdout on failure: {stdout}");
    scrub(stderr.trim_end())
}

#[test]
fn truncated_model_is_a_clear_error() {
    let bytes = std::fs::read("examples/mlp/model.onnx").expect("bundled model");
    let path = write("truncated.onnx", &bytes[..bytes.len() / 2]);
    let input = write("in.json", br#"{"input": [[0]]}"#);
    let err = run_err(&["run", path.to_str().unwrap(), "--input", input.to_str().unwrap()]);
    assert!(err.contains("not a valid ONNX model"), "{err}");
    assert!(err.contains("truncated"), "{err}");
}

#[test]
fn non_onnx_files_are_clear_errors() {
    let input = write("in2.json", br#"{"x": [[1, 2]]}"#);
    let text = write("notes.onnx", b"this is a text file, not a model\n");
    let empty = write("empty.onnx", b"");
    let missing = tmp_path("does-not-exist.onnx");
    let errors: Vec<String> = [&text, &empty, &missing]
        .iter()
        .map(|p| run_err(&["run", p.to_str().unwrap(), "--input", input.to_str().unwrap()]))
        .collect();
    snapshot_settings().bind(|| insta::assert_snapshot!("error_non_onnx_files", errors.join("\n\n")));
}

#[test]
fn unsupported_ops_are_all_listed_with_node_names() {
    let mut bad_conv = node("conv_bad_pad", "Conv", &["x", "w"], &["c"]);
    let mut a = onnx_protobuf::AttributeProto::new();
    a.name = "auto_pad".into();
    a.type_ = onnx_protobuf::attribute_proto::AttributeType::STRING.into();
    a.s = b"SOMETIMES".to_vec();
    bad_conv.attribute.push(a);
    let bytes = model(
        vec![
            node("first_unknown", "NonMaxSuppression", &["x"], &["a"]),
            with_int_attr(node("relu_with_extra", "Relu", &["a"], &["b"]), "fancy", 1),
            bad_conv,
            node("loop_it", "Loop", &["c"], &["d"]),
            node("second_nms", "NonMaxSuppression", &["d"], &["y"]),
        ],
        vec![tensor_info("x", &[1, 1, 4, 4])],
        vec![tensor_info("y", &[1])],
        vec![float_tensor("w", &[1, 1, 3, 3], &[0.0; 9])],
    );
    let path = write("unsupported.onnx", &bytes);
    let input = write("in3.json", br#"{"x": [[[[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]]]]}"#);
    let err = run_err(&["run", path.to_str().unwrap(), "--input", input.to_str().unwrap()]);
    for needle in [
        "node 'first_unknown' (NonMaxSuppression)",
        "node 'loop_it' (Loop)",
        "node 'second_nms'",
        "conv_bad_pad",
        "'fancy'",
    ] {
        assert!(err.contains(needle), "missing {needle} in:\n{err}");
    }
    snapshot_settings().bind(|| insta::assert_snapshot!("error_unsupported_ops", err));
    // inspect still shows the graph, marking the problems, and exits non-zero
    let (ok, stdout, stderr) = cairn(&["inspect", path.to_str().unwrap()]);
    assert!(!ok, "inspect must fail on a model cairn cannot run");
    assert!(stdout.contains("NOT supported") && stdout.contains("✗"), "{stdout}");
    assert!(stderr.contains("cairn cannot run this model (5 problem(s))"), "{stderr}");
}

#[test]
fn wrong_input_shape_names_the_input() {
    let m = linear("linear.onnx", &[2.0, 3.0]);
    let input = write("wrong_shape.json", br#"{"x": [[1, 2, 3]]}"#);
    let ezkl = write("wrong_len.json", br#"{"input_data": [[1, 2, 3]]}"#);
    let unknown = write("unknown_name.json", br#"{"z": [[1, 2]]}"#);
    let ragged = write("ragged.json", br#"{"x": [[1, 2], [3]]}"#);
    let errors: Vec<String> = [&input, &ezkl, &unknown, &ragged]
        .iter()
        .map(|p| run_err(&["run", m.to_str().unwrap(), "--input", p.to_str().unwrap()]))
        .collect();
    snapshot_settings().bind(|| insta::assert_snapshot!("error_input_shapes", errors.join("\n\n")));
}

#[test]
fn nan_and_inf_inputs_are_rejected_with_their_position() {
    let m = linear("linear2.onnx", &[2.0, 3.0]);
    let nan = write("nan.npy", &npy_f32(&[1, 2], &[1.0, f32::NAN]));
    let inf = write("inf.npy", &npy_f32(&[1, 2], &[f32::NEG_INFINITY, 0.0]));
    let e1 = run_err(&["run", m.to_str().unwrap(), "--input", nan.to_str().unwrap()]);
    let e2 = run_err(&["run", m.to_str().unwrap(), "--input", inf.to_str().unwrap()]);
    assert!(e1.contains("input 'x' element 1") && e1.contains("NaN"), "{e1}");
    assert!(e2.contains("input 'x' element 0") && e2.contains("-inf"), "{e2}");
    snapshot_settings().bind(|| insta::assert_snapshot!("error_non_finite_inputs", format!("{e1}\n\n{e2}")));
    // A JSON number beyond f64's range is quoted, not reported as NaN.
    let huge = write("beyond_f64.json", br#"{"x": [[1, 1e999]]}"#);
    let e3 = run_err(&["run", m.to_str().unwrap(), "--input", huge.to_str().unwrap()]);
    assert!(e3.contains("input 'x' element 1: 1e+999 is beyond the range of a 64-bit float"), "{e3}");
    assert!(!e3.contains("NaN"), "{e3}");
}

#[test]
fn inspect_flags_non_finite_weights_and_reports_the_largest_scale() {
    let bad = linear("nan_weight.onnx", &[f32::NAN, 1.0]);
    let (ok, stdout, stderr) = cairn(&["inspect", bad.to_str().unwrap(), "--json"]);
    assert!(!ok, "a NaN weight makes the model unrunnable: inspect must fail\n{stdout}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("the report is printed anyway");
    assert_eq!(report["supported"], false);
    let problems = report["problems"].to_string();
    assert!(problems.contains("1 of 2 values are not finite") && problems.contains("NaN"), "{problems}");
    assert!(stderr.contains("cairn cannot run this model (1 problem(s))"), "{stderr}");

    // A finite model: the largest weight, 1e9 ≈ 2^29.9, is storable up to scale 33.
    let big = linear("big_weight.onnx", &[1e9, 1.0]);
    let (ok, stdout, stderr) = cairn(&["inspect", big.to_str().unwrap(), "--json"]);
    assert!(ok, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["max_abs_weight"].as_f64(), Some(1e9));
    assert_eq!(report["max_weight_scale"].as_u64(), Some(33));
    let (_, text, _) = cairn(&["inspect", big.to_str().unwrap()]);
    assert!(text.contains("storable at scales up to 33"), "{text}");
}

#[test]
fn fixed_point_overflow_names_the_node() {
    // 1e9 · 1e9 = 1e18 exceeds the ±1.4e14 range at scale 16
    let m = linear("overflow.onnx", &[1e9, 1.0]);
    let input = write("big.json", br#"{"x": [[1e9, 1]]}"#);
    let err = run_err(&["run", m.to_str().unwrap(), "--input", input.to_str().unwrap(), "--backend", "reference"]);
    assert!(err.contains("node 'scale' (Mul)") && err.contains("overflow"), "{err}");
    snapshot_settings().bind(|| insta::assert_snapshot!("error_overflow", err));
    // On the Cairo VM the same input makes the program panic; the message says
    // why, from the reference runtime, which has the same semantics.
    let err = run_err(&["run", m.to_str().unwrap(), "--input", input.to_str().unwrap()]);
    assert!(err.contains("the Cairo program panicked: node 'scale' (Mul): fixed-point overflow"), "{err}");
    snapshot_settings().bind(|| insta::assert_snapshot!("error_overflow_cairo", err));
    // the same input quantized past the range is reported on the input itself
    let huge = write("beyond_range.json", br#"{"x": [[1e20, 1]]}"#);
    let err = run_err(&["run", m.to_str().unwrap(), "--input", huge.to_str().unwrap()]);
    assert!(err.contains("input 'x'") && err.contains("overflow"), "{err}");
    // and an initializer that cannot be represented names the initializer
    let m2 = linear("overflow_weight.onnx", &[1e16, 1.0]);
    let one = write("one.json", br#"{"x": [[1, 1]]}"#);
    let err = run_err(&["run", m2.to_str().unwrap(), "--input", one.to_str().unwrap()]);
    assert!(err.contains("initializer 'w'"), "{err}");
}

#[test]
fn a_valid_small_model_runs() {
    let m = linear("ok.onnx", &[2.0, 3.0]);
    let input = write("ok.json", br#"{"x": [[1.5, -2]]}"#);
    let (ok, stdout, stderr) = cairn(&["run", m.to_str().unwrap(), "--input", input.to_str().unwrap(), "--json"]);
    assert!(ok, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json output");
    let out = &v["samples"][0]["outputs"][0];
    // 1.5·2 + 0.5 = 3.5, −2·3 − 0.5 = −6.5
    assert_eq!(out["values"], serde_json::json!([3.5, -6.5]));
    assert_eq!(out["raw"], serde_json::json!(["229376", "-425984"]), "raw integers are strings");
    assert_eq!(v["scale"], 16);
}

/// `cairn registry` fails on bad local input before it touches the network:
/// the node URLs here have nothing listening.
#[test]
fn registry_commands_check_local_input_first() {
    let missing = tmp_path("no-such-deployment.json");
    let _ = std::fs::remove_file(&missing);
    let node = ["--rpc", "http://127.0.0.1:9/rpc", "--deployment", missing.to_str().unwrap()];
    let with = |args: &[&'static str]| -> Vec<&str> { args.iter().copied().chain(node).collect() };

    let err = run_err(&with(&["registry", "show", "--model-id", "1"]));
    assert!(err.contains("run `cairn registry deploy` first"), "{err}");
    assert!(err.contains("no-such-deployment.json"), "{err}");
    assert!(!err.contains("reaching the node"), "{err}");

    let err = run_err(&with(&["registry", "set-price", "1", "--price", "5", "--token", "xyz"]));
    assert!(err.contains("--token \"xyz\" is not a hex field element"), "{err}");

    let err = run_err(&with(&["registry", "transfer", "--to", "0x1"]));
    assert!(err.contains("--model-id") && err.contains("--contract"), "{err}");

    let deployment = write(
        "registry-deployment.json",
        br#"{"chain_id": "0x1", "fact_registry": "0x2", "model_registry": "0x3", "marketplace": "0x4", "classes": {}}"#,
    );
    let node = ["--rpc", "http://127.0.0.1:9/rpc", "--deployment", deployment.to_str().unwrap()];
    let mut args = vec!["registry", "deprecate", "1"];
    args.extend(node);
    let (ok, _, err) = cairn_without_env(&args, &["CAIRN_ACCOUNT_ADDRESS", "CAIRN_ACCOUNT_KEY"]);
    assert!(!ok && err.contains("no account: pass --account"), "{err}");
}
