//! The corpus of exported models (examples/corpus, made by
//! scripts/gen-corpus.sh with skl2onnx, onnxmltools and both torch.onnx
//! exporters): which import, how close the reference runtime's metric is to
//! onnxruntime's on each test split, and that Cairo reproduces the reference
//! bit for bit.
//!
//! `IMPORTS` is a ratchet: a listed model that stops importing fails, and so
//! does an unlisted one that starts to (add it, and it is held to the
//! metric and Cairo checks from then on).

use std::path::{Path, PathBuf};

use cairn::{BoundSample, Model, OutputTensor, Scale};
use serde_json::Value;

/// Models of the corpus cairn imports today.
const IMPORTS: &[&str] = &[
    "credit_autoencoder_dynamo",
    "credit_autoencoder_torchscript",
    "credit_knn",
    "credit_limit_linreg",
    "credit_logreg",
    "credit_tree",
    "defi_gboost",
    "defi_lightgbm",
    "defi_svc_rbf",
    "digits_cnn_dynamo",
    "digits_cnn_torchscript",
    "digits_depthwise_cnn_dynamo",
    "digits_depthwise_cnn_torchscript",
    "digits_mlp",
    "fraud_elementwise_dynamo",
    "fraud_elementwise_torchscript",
    "fraud_forest",
    "fraud_linear_svm",
    "fraud_xgboost",
    "series_conv1d_dynamo",
    "series_conv1d_torchscript",
    "series_gru_dynamo",
    "series_gru_torchscript",
    "series_lstm_dynamo",
    "series_lstm_torchscript",
    "series_transformer_dynamo",
    "series_transformer_torchscript",
];

/// How far the reference runtime's metric may be from onnxruntime's.
const METRIC_TOLERANCE: f64 = 0.01;
/// The share of test rows whose label (or argmax) must equal onnxruntime's.
const MIN_LABEL_AGREEMENT: f64 = 0.99;
/// The largest difference allowed between a real output and onnxruntime's,
/// relative for values above 1 (the models are calibrated at scale 32).
const MAX_OUTPUT_DIFF: f64 = 1e-4;
/// Test rows run on the Cairo VM per model (one program, a batch of them).
const CAIRO_ROWS: usize = 4;

fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("examples/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("model.onnx").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn name(dir: &Path) -> String {
    dir.file_name().expect("a name").to_string_lossy().into_owned()
}

fn expected(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("expected.json")).expect("expected.json")).expect("JSON")
}

/// A row's predicted class, as the generator computes it from onnxruntime's
/// outputs: the output named like `label`, else the argmax of the first.
fn predicted_class(outputs: &[OutputTensor]) -> i64 {
    if let Some(label) = outputs.iter().find(|o| o.name.to_lowercase().contains("label")) {
        return label.values[0] as i64;
    }
    let v = &outputs[0].values;
    (0..v.len()).fold(0, |best, i| if v[i] > v[best] { i } else { best }) as i64
}

/// The metric of cairn's outputs on the split (scripts/gen_corpus.py's
/// `metric_of`, on the reference runtime's reals).
fn metric(kind: &str, rows: &[Vec<OutputTensor>], samples: &[BoundSample], labels: &[f64]) -> f64 {
    match kind {
        "accuracy" => {
            let right = rows.iter().zip(labels).filter(|(o, &l)| predicted_class(o) == l as i64).count();
            right as f64 / rows.len() as f64
        }
        "r2" => {
            let pred: Vec<f64> = rows.iter().map(|o| o[0].values[0]).collect();
            let mean = labels.iter().sum::<f64>() / labels.len() as f64;
            let ss_res: f64 = pred.iter().zip(labels).map(|(p, l)| (p - l).powi(2)).sum();
            let ss_tot: f64 = labels.iter().map(|l| (l - mean).powi(2)).sum();
            1.0 - ss_res / ss_tot
        }
        "mse" => {
            let per_row = rows.iter().zip(samples).map(|(o, s)| {
                let input = match &s.tensors[0].1 {
                    cairn::transpiler::inputs::InputData::Real(v) => v.clone(),
                    other => panic!("a real input, got {other:?}"),
                };
                let out = &o[0].values;
                out.iter().zip(&input).map(|(a, b)| (a - b).powi(2)).sum::<f64>() / out.len() as f64
            });
            per_row.sum::<f64>() / rows.len() as f64
        }
        other => panic!("unknown metric {other}"),
    }
}

/// The numbers of one onnxruntime output: a tensor's values, or a ZipMap's
/// sequence of maps flattened in key order (the order of the class labels).
fn ort_numbers(v: &Value) -> Vec<f64> {
    match v {
        Value::Number(x) => vec![x.as_f64().expect("a number")],
        Value::Array(items) => items.iter().flat_map(ort_numbers).collect(),
        Value::Object(map) => map.values().flat_map(ort_numbers).collect(),
        _ => Vec::new(),
    }
}

/// Per test row, against onnxruntime's stored outputs: the share of rows whose
/// predicted class agrees, and the largest difference of any real output.
fn row_agreement(rows: &[Vec<OutputTensor>], ort: &Value) -> (f64, f64) {
    let ort = ort.as_array().expect("onnxruntime's rows");
    assert_eq!(ort.len(), rows.len(), "one onnxruntime row per test row");
    let mut agree = 0;
    let mut max_diff: f64 = 0.0;
    for (ours, theirs) in rows.iter().zip(ort) {
        let theirs = theirs.as_object().expect("outputs by name");
        let mut theirs_as_outputs = Vec::new();
        for o in ours {
            let values =
                ort_numbers(theirs.get(&o.name).unwrap_or_else(|| panic!("onnxruntime has no output {}", o.name)));
            assert_eq!(
                values.len(),
                o.values.len(),
                "output {} has {} values, onnxruntime's {}",
                o.name,
                o.values.len(),
                values.len()
            );
            if !o.name.to_lowercase().contains("label") {
                for (a, b) in o.values.iter().zip(&values) {
                    // Relative above 1: onnxruntime computes in f32 (an ulp of 1e4 is 1e-3).
                    max_diff = max_diff.max((a - b).abs() / b.abs().max(1.0));
                }
            }
            theirs_as_outputs.push(OutputTensor { values, ..o.clone() });
        }
        agree += usize::from(predicted_class(ours) == predicted_class(&theirs_as_outputs));
    }
    (agree as f64 / rows.len() as f64, max_diff)
}

/// The model, its test rows, and the scale calibrated on them.
fn load(dir: &Path) -> (Model, Vec<BoundSample>, Scale) {
    let model = Model::load(dir.join("model.onnx")).unwrap_or_else(|e| panic!("{}: {e:#}", name(dir)));
    let samples = model.read_samples(dir.join("test.json")).unwrap_or_else(|e| panic!("{}: {e}", name(dir)));
    let report = model.calibrate(&samples, 1).unwrap_or_else(|e| panic!("{}: {e}", name(dir)));
    (model, samples, Scale::new(report.scale).expect("a calibrated scale"))
}

#[test]
fn corpus_models_import_exactly_as_listed() {
    let mut wrong = Vec::new();
    for dir in corpus() {
        let n = name(&dir);
        match (Model::load(dir.join("model.onnx")), IMPORTS.contains(&n.as_str())) {
            (Ok(_), false) => wrong.push(format!("{n} imports now: add it to IMPORTS")),
            (Err(e), true) => wrong.push(format!("{n} no longer imports: {e}")),
            _ => {}
        }
    }
    for listed in IMPORTS {
        assert!(corpus().iter().any(|d| name(d) == *listed), "{listed} is not in the corpus");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn corpus_models_match_onnxruntime_on_the_reference() {
    let mut report = Vec::new();
    for dir in corpus().into_iter().filter(|d| IMPORTS.contains(&name(d).as_str())) {
        let n = name(&dir);
        let (model, samples, scale) = load(&dir);
        let rows: Vec<Vec<OutputTensor>> = samples
            .iter()
            .enumerate()
            .map(|(i, s)| model.evaluate(scale, s).unwrap_or_else(|e| panic!("{n} row {i}: {e:#}")))
            .collect();
        let e = expected(&dir);
        let kind = e["metric"].as_str().expect("metric");
        let labels: Vec<f64> =
            e["labels"].as_array().expect("labels").iter().map(|v| v.as_f64().expect("a number")).collect();
        let ours = metric(kind, &rows, &samples, &labels);
        let theirs = e["onnxruntime_metric"].as_f64().expect("onnxruntime's metric");
        let (agreement, max_diff) = row_agreement(&rows, &e["onnxruntime"]);
        report.push(format!(
            "{n}: scale {}, {kind} {ours:.4} (onnxruntime {theirs:.4}), labels agree on {:.1}% of rows, max output difference {max_diff:.2e}",
            scale.bits(),
            agreement * 100.0
        ));
        assert!((ours - theirs).abs() <= METRIC_TOLERANCE, "{n}: {kind} {ours} vs onnxruntime's {theirs}");
        assert!(agreement >= MIN_LABEL_AGREEMENT, "{n}: labels agree with onnxruntime on only {agreement} of rows");
        assert!(max_diff <= MAX_OUTPUT_DIFF, "{n}: an output is {max_diff} from onnxruntime's");
    }
    eprintln!("{}", report.join("\n"));
}

#[test]
#[ignore = "full tier: compiles one Cairo program per corpus model"]
fn corpus_models_on_cairo_equal_the_reference() {
    for dir in corpus().into_iter().filter(|d| IMPORTS.contains(&name(d).as_str())) {
        let n = name(&dir);
        let (model, samples, scale) = load(&dir);
        let program =
            model.cached_package(scale, &samples[0]).and_then(|p| p.compile()).unwrap_or_else(|e| panic!("{n}: {e:#}"));
        for (i, s) in samples.iter().take(CAIRO_ROWS).enumerate() {
            let reference = model.evaluate(scale, s).unwrap_or_else(|e| panic!("{n} row {i}: {e:#}"));
            let run = program.run(s).unwrap_or_else(|e| panic!("{n} row {i}: {e:#}"));
            for (c, r) in run.outputs.iter().zip(&reference) {
                assert_eq!(c.raw, r.raw, "{n} row {i}: Cairo output '{}' differs from the reference", c.name);
            }
        }
        eprintln!("{n}: {CAIRO_ROWS} rows on Cairo equal the reference (scale {})", scale.bits());
    }
}
