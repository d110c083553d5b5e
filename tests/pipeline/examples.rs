//! The bundled example models (examples/mlp, examples/cnn, made by
//! scripts/gen-examples.sh) run through the library: the fixed-point reference
//! must agree with onnxruntime's recorded float outputs, keep the held-out
//! accuracy, and read the plain and EZKL input files alike.

use std::path::{Path, PathBuf};

use cairn_runtime::{FixedArith, FloatArith, Scale};
use cairn_transpiler::inputs::{self, InputData, InputTensor, Sample};
use cairn_transpiler::load;
use cairn_transpiler::network::Network;
use cairn_transpiler::outputs::{fixed_outputs, float_outputs, row_argmax, OutputTensor};
use serde_json::Value as Json;

/// The default fixed-point scale (bits of fraction).
const SCALE_BITS: u32 = 16;
/// Largest accepted |fixed-point output − onnxruntime output| on the bundled
/// samples (logits of magnitude ~1..20); also used for |fixed − crate float|
/// over the whole held-out split. Measured at scale 16: 1.6e-4 (mlp) and
/// 4.5e-4 (cnn) against onnxruntime; the bound leaves room for rounding-mode
/// changes but catches any real kernel error.
const FIXED_TOL: f64 = 2e-3;
/// Largest accepted |float evaluation − onnxruntime output| (both f32; only the
/// summation order may differ).
const FLOAT_TOL: f64 = 1e-4;
/// Allowed held-out accuracy loss of the fixed-point reference, in percentage points.
const ACCURACY_TOL_PP: f64 = 0.5;

fn example_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)
}

fn load_network(name: &str) -> Network {
    let path = example_dir(name).join("model.onnx");
    let model = load::load_model(&path).unwrap_or_else(|e| panic!("loading {}: {e}", path.display()));
    Network::resolve(model).unwrap_or_else(|e| panic!("resolving {}: {e}", path.display()))
}

fn read_json(path: &Path) -> Json {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()))
}

fn read_samples(name: &str, file: &str, net: &Network) -> Vec<Sample> {
    let path = example_dir(name).join(file);
    inputs::read_samples(&path, net).unwrap_or_else(|e| panic!("reading samples from {}: {e}", path.display()))
}

fn fixed() -> FixedArith {
    FixedArith::new(Scale::new(SCALE_BITS).expect("scale 16 is valid"))
}

fn output_names(net: &Network) -> Vec<String> {
    net.outputs.iter().map(|o| o.name.clone()).collect()
}

/// The single `scores` output, checked to be [1, 10].
fn scores(mut outs: Vec<OutputTensor>, what: &str) -> OutputTensor {
    assert_eq!(outs.len(), 1, "{what}: expected one graph output");
    let o = outs.remove(0);
    assert_eq!(o.name, "scores", "{what}: output name");
    assert_eq!(o.shape, vec![1, 10], "{what}: output shape");
    assert_eq!(o.values.len(), 10, "{what}: output length");
    o
}

fn eval_fixed(net: &Network, sample: &Sample, what: &str) -> OutputTensor {
    let fx = fixed();
    let bound = net.bind(sample).unwrap_or_else(|e| panic!("{what}: binding the sample: {e}"));
    let ins = net.input_values(&fx, &bound).unwrap_or_else(|e| panic!("{what}: quantizing the input: {e}"));
    let vals = net.evaluate(&fx, ins).unwrap_or_else(|e| panic!("{what}: fixed-point evaluation: {e}"));
    let outs = fixed_outputs(&output_names(net), &vals, fx.scale());
    let o = scores(outs, what);
    assert_eq!(o.raw.len(), 10, "{what}: fixed output has raw integers");
    o
}

fn eval_float(net: &Network, sample: &Sample, what: &str) -> OutputTensor {
    let bound = net.bind(sample).unwrap_or_else(|e| panic!("{what}: binding the sample: {e}"));
    let ins = net.input_values(&FloatArith, &bound).unwrap_or_else(|e| panic!("{what}: float input: {e}"));
    let vals = net.evaluate(&FloatArith, ins).unwrap_or_else(|e| panic!("{what}: float evaluation: {e}"));
    scores(float_outputs(&output_names(net), &vals), what)
}

fn argmax(o: &OutputTensor) -> usize {
    let rows = row_argmax(o);
    assert_eq!(rows.len(), 1, "one row per batch-1 output");
    rows[0]
}

fn json_f64s(v: &Json, what: &str) -> Vec<f64> {
    v.as_array()
        .unwrap_or_else(|| panic!("{what}: expected an array"))
        .iter()
        .map(|x| x.as_f64().unwrap_or_else(|| panic!("{what}: expected numbers, found {x}")))
        .collect()
}

fn json_usizes(v: &Json, what: &str) -> Vec<usize> {
    v.as_array()
        .unwrap_or_else(|| panic!("{what}: expected an array"))
        .iter()
        .map(|x| x.as_u64().unwrap_or_else(|| panic!("{what}: expected integers, found {x}")) as usize)
        .collect()
}

fn max_abs_diff(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len(), "compared outputs differ in length");
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
}

/// The 10 bundled samples: fixed point, the crate's float evaluation and
/// onnxruntime agree on the argmax, and the values are close.
fn check_samples_match_onnxruntime(name: &str) {
    let net = load_network(name);
    let samples = read_samples(name, "samples.json", &net);
    assert_eq!(samples.len(), 10, "{name}: samples.json holds 10 samples");
    let expected = read_json(&example_dir(name).join("samples.expected.json"));
    let ort_outputs = expected["outputs"].as_array().expect("samples.expected.json: \"outputs\" is an array");
    let ort_argmax = json_usizes(&expected["argmax"], "samples.expected.json argmax");
    let labels = json_usizes(&expected["labels"], "samples.expected.json labels");
    assert_eq!(ort_outputs.len(), samples.len(), "{name}: one expected output per sample");
    assert_eq!(ort_argmax.len(), samples.len(), "{name}: one expected argmax per sample");
    assert_eq!(labels.len(), samples.len(), "{name}: one label per sample");

    let (mut max_fixed_err, mut max_float_err) = (0.0f64, 0.0f64);
    for (i, sample) in samples.iter().enumerate() {
        let what = format!("{name} sample {i}");
        let ort = json_f64s(&ort_outputs[i], &format!("{what}: expected outputs"));
        assert_eq!(ort.len(), 10, "{what}: 10 expected scores");
        let fx = eval_fixed(&net, sample, &what);
        let fl = eval_float(&net, sample, &what);
        let (a_fixed, a_float) = (argmax(&fx), argmax(&fl));
        assert_eq!(
            a_fixed, a_float,
            "{what}: fixed-point and float argmax differ ({:?} vs {:?})",
            fx.values, fl.values
        );
        assert_eq!(a_fixed, ort_argmax[i], "{what}: fixed-point argmax differs from onnxruntime's");
        let e_fixed = max_abs_diff(&fx.values, &ort);
        let e_float = max_abs_diff(&fl.values, &ort);
        assert!(
            e_fixed <= FIXED_TOL,
            "{what}: |fixed - onnxruntime| = {e_fixed:e} > {FIXED_TOL:e}\n fixed: {:?}\n   ort: {ort:?}",
            fx.values
        );
        assert!(
            e_float <= FLOAT_TOL,
            "{what}: |float - onnxruntime| = {e_float:e} > {FLOAT_TOL:e}\n float: {:?}\n   ort: {ort:?}",
            fl.values
        );
        max_fixed_err = max_fixed_err.max(e_fixed);
        max_float_err = max_float_err.max(e_float);
    }
    let correct = ort_argmax.iter().zip(&labels).filter(|(a, b)| a == b).count();
    println!(
        "{name}: 10 samples, argmax agree (fixed = float = onnxruntime, {correct}/10 correct); \
         max |fixed - onnxruntime| = {max_fixed_err:.3e}, max |float - onnxruntime| = {max_float_err:.3e}"
    );
}

/// The whole held-out split: fixed-point accuracy within ACCURACY_TOL_PP of
/// onnxruntime's recorded float accuracy.
fn check_heldout_accuracy(name: &str) {
    let net = load_network(name);
    let heldout = read_json(&example_dir(name).join("heldout.json"));
    let rows = heldout["inputs"].as_array().expect("heldout.json: \"inputs\" is an array");
    let labels = json_usizes(&heldout["labels"], "heldout.json labels");
    let float_accuracy = heldout["float_accuracy"].as_f64().expect("heldout.json: \"float_accuracy\" is a number");
    assert_eq!(rows.len(), labels.len(), "{name}: one label per held-out input");
    assert!(rows.len() >= 300, "{name}: held-out split unexpectedly small ({})", rows.len());

    let (mut fixed_correct, mut float_correct, mut disagree) = (0usize, 0usize, 0usize);
    let mut max_err = 0.0f64;
    for (i, (row, &label)) in rows.iter().zip(&labels).enumerate() {
        let what = format!("{name} held-out {i}");
        let data = json_f64s(row, &what);
        assert_eq!(data.len(), 64, "{what}: 64 pixels");
        let sample = Sample::Ordered(vec![InputTensor { shape: None, data: InputData::Real(data) }]);
        let fx = eval_fixed(&net, &sample, &what);
        let fl = eval_float(&net, &sample, &what);
        let err = max_abs_diff(&fx.values, &fl.values);
        assert!(err <= FIXED_TOL, "{what}: |fixed - float| = {err:e} > {FIXED_TOL:e}");
        max_err = max_err.max(err);
        let (a_fixed, a_float) = (argmax(&fx), argmax(&fl));
        fixed_correct += usize::from(a_fixed == label);
        float_correct += usize::from(a_float == label);
        disagree += usize::from(a_fixed != a_float);
    }
    let n = rows.len() as f64;
    let (fixed_acc, float_acc) = (fixed_correct as f64 / n, float_correct as f64 / n);
    println!(
        "{name}: held-out {} samples: fixed-point (scale {SCALE_BITS}) accuracy {:.2}%, crate float {:.2}%, \
         onnxruntime (recorded) {:.2}%; fixed/float argmax disagree on {disagree}; \
         max |fixed - float| = {max_err:.3e}",
        rows.len(),
        100.0 * fixed_acc,
        100.0 * float_acc,
        100.0 * float_accuracy
    );
    assert!(
        (100.0 * (fixed_acc - float_accuracy)).abs() <= ACCURACY_TOL_PP,
        "{name}: fixed-point accuracy {:.2}% is not within {ACCURACY_TOL_PP} pp of onnxruntime's {:.2}%",
        100.0 * fixed_acc,
        100.0 * float_accuracy
    );
    assert!(
        (100.0 * (float_acc - float_accuracy)).abs() <= ACCURACY_TOL_PP,
        "{name}: crate float accuracy {:.2}% is not within {ACCURACY_TOL_PP} pp of onnxruntime's {:.2}%",
        100.0 * float_acc,
        100.0 * float_accuracy
    );
}

/// input.json (plain, nested) and input.ezkl.json (flat) are the same sample.
fn check_input_formats_agree(name: &str) {
    let net = load_network(name);
    let plain = read_samples(name, "input.json", &net);
    let ezkl = read_samples(name, "input.ezkl.json", &net);
    assert_eq!(plain.len(), 1, "{name}: input.json holds one sample");
    assert_eq!(ezkl.len(), 1, "{name}: input.ezkl.json holds one sample");
    assert!(matches!(plain[0], Sample::Named(_)), "{name}: input.json is read as named tensors");
    assert!(matches!(ezkl[0], Sample::Ordered(_)), "{name}: input.ezkl.json is read as ordered tensors");
    let bp = net.bind(&plain[0]).expect("binding input.json");
    let be = net.bind(&ezkl[0]).expect("binding input.ezkl.json");
    assert_eq!(bp, be, "{name}: the two input files bind to different tensors");
    let p = eval_fixed(&net, &plain[0], &format!("{name} input.json"));
    let e = eval_fixed(&net, &ezkl[0], &format!("{name} input.ezkl.json"));
    assert_eq!(p.raw, e.raw, "{name}: raw outputs of input.json and input.ezkl.json differ");
    // The single input is also the first bundled sample.
    let first = &read_samples(name, "samples.json", &net)[0];
    let s = eval_fixed(&net, first, &format!("{name} samples.json[0]"));
    assert_eq!(p.raw, s.raw, "{name}: input.json is not samples.json[0]");
}

#[test]
fn mlp_samples_match_onnxruntime() {
    check_samples_match_onnxruntime("mlp");
}

#[test]
fn cnn_samples_match_onnxruntime() {
    check_samples_match_onnxruntime("cnn");
}

#[test]
fn mlp_heldout_accuracy() {
    check_heldout_accuracy("mlp");
}

#[test]
fn cnn_heldout_accuracy() {
    check_heldout_accuracy("cnn");
}

#[test]
fn mlp_input_formats_agree() {
    check_input_formats_agree("mlp");
}

#[test]
fn cnn_input_formats_agree() {
    check_input_formats_agree("cnn");
}

#[test]
fn default_scale_is_16() {
    assert_eq!(
        Scale::default(),
        Scale::new(SCALE_BITS).expect("scale 16 is valid"),
        "these tests assume the default scale"
    );
}

#[test]
fn example_models_have_the_documented_interface() {
    for (name, input, dims) in [("mlp", "input", "[batch, 64]"), ("cnn", "image", "[batch, 1, 8, 8]")] {
        let net = load_network(name);
        assert_eq!(net.inputs.len(), 1, "{name}: one input");
        assert_eq!(net.inputs[0].name, input, "{name}: input name");
        let shape = net.inputs[0].shape.as_ref().unwrap_or_else(|| panic!("{name}: input shape declared"));
        let shown = format!("[{}]", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "));
        assert_eq!(shown, dims, "{name}: input shape");
        assert_eq!(output_names(&net), vec!["scores".to_string()], "{name}: output names");
    }
}
