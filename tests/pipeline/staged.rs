//! Staged models (docs/staged.md): a model cut into stages, each its own
//! program, chained cell for cell, computes exactly what the whole model
//! computes — on the bundled models and on exported ones with skip
//! connections (the transformer's residuals cross the cuts).

use std::path::PathBuf;

use cairn::staged::{is_staged, staged_model_hash, STAGES_FILE};
use cairn::{Error, Felt, Model, Scale, StagedPackage};

fn tmp(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cairn-staged").join(name)
}

/// Cuts `model` into `n` stages, runs the chain on the first sample and
/// compares every output with the whole model's reference, bit for bit.
fn chain_equals_reference(model_path: &str, input: &str, n: usize) -> StagedPackage {
    let model = Model::load(model_path).expect("load");
    let sample = model.read_samples(input).expect("samples").remove(0);
    let scale = Scale::new(16).unwrap();
    let reference = model.evaluate(scale, &sample).expect("reference runtime");
    let dir = tmp(&format!("{}-{n}", model_path.replace('/', "_")));
    let staged = model.transpile_staged(&dir, scale, None, n).expect("cut into stages");
    assert!(is_staged(&dir));
    assert_eq!(staged.stages().len(), n);
    // each stage computes something, and reads what the one before writes
    for pair in staged.manifest().stages.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(!a.nodes.is_empty() && !b.nodes.is_empty());
        assert_eq!(a.outputs, b.inputs, "the chain's links");
    }
    let program = staged.compile().expect("compile every stage");
    let run = program.run(&sample).expect("chained run");
    assert_eq!(run.stages.len(), n);
    assert_eq!(run.outputs.len(), reference.len());
    for (got, want) in run.outputs.iter().zip(&reference) {
        assert_eq!(got.raw, want.raw, "{model_path}: the chain's output is the whole model's reference");
    }
    // stage i+1 was given exactly stage i's output cells
    for (i, pair) in run.stages.windows(2).enumerate() {
        let written: Vec<Felt> = pair[0].vm.output.iter().skip(1).take(pair[1].vm.output.len()).copied().collect();
        let n_out = program.programs()[i].manifest().outputs.iter().map(|o| o.len()).sum::<usize>();
        let given_next = &pair[1].vm.output[pair[1].vm.output.len() - n_out..];
        assert_eq!(&written[..n_out], given_next, "stage {} echoes the cells stage {i} wrote", i + 1);
    }
    // the model hash is over the stage program hashes, in order, and recorded
    let hashes: Vec<Felt> = program.programs().iter().map(|p| p.program_hash()).collect();
    assert_eq!(program.model_hash(), staged_model_hash(&hashes));
    let reopened = StagedPackage::open(&dir).expect("reopen");
    assert_eq!(reopened.manifest().model_hash, Some(format!("{:#x}", program.model_hash())));
    staged
}

#[test]
fn the_bundled_cnn_in_two_and_three_stages_equals_the_whole_model() {
    chain_equals_reference("examples/cnn/model.onnx", "examples/cnn/input.json", 2);
    chain_equals_reference("examples/cnn/model.onnx", "examples/cnn/input.json", 3);
}

#[test]
fn the_bundled_mlp_in_two_stages_equals_the_whole_model() {
    chain_equals_reference("examples/mlp/model.onnx", "examples/mlp/input.json", 2);
}

#[test]
fn a_transformer_with_residuals_in_stages_equals_the_whole_model() {
    // torch's dynamo exporter; the residual adds read tensors from before the cuts
    let dir = "examples/corpus/series_transformer_dynamo";
    chain_equals_reference(&format!("{dir}/model.onnx"), &format!("{dir}/test.json"), 3);
}

#[test]
fn stages_are_refused_when_the_model_has_too_few_cuts() {
    let model = Model::load("examples/mlp/model.onnx").expect("load");
    let dir = tmp("too-many");
    let err = model.transpile_staged(&dir, Scale::new(16).unwrap(), None, 1000).expect_err("too many stages");
    assert!(matches!(&err, Error::Staging(m) if m.contains("at most")), "{err}");
    assert!(!dir.exists(), "nothing is written");
}

#[test]
fn a_staged_package_whose_links_disagree_is_refused() {
    let staged = chain_equals_reference("examples/mlp/model.onnx", "examples/mlp/input.json", 2);
    let dir = tmp("mlp-swapped");
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(staged.dir(), &dir);
    // list the stages in the wrong order: stage 0 then reads what stage 1 writes
    let path = dir.join(STAGES_FILE);
    let mut manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    manifest["stages"].as_array_mut().unwrap().reverse();
    std::fs::write(&path, serde_json::to_string(&manifest).unwrap()).unwrap();
    let err = StagedPackage::open(&dir).expect_err("misordered stages");
    assert!(err.to_string().contains("does not read what stage 0 writes"), "{err}");
    // a stage directory outside the package
    manifest["stages"][0]["dir"] = "../elsewhere".into();
    std::fs::write(&path, serde_json::to_string(&manifest).unwrap()).unwrap();
    let err = StagedPackage::open(&dir).expect_err("escaping directory");
    assert!(err.to_string().contains("not a stage directory name"), "{err}");
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let dest = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            std::fs::copy(&path, &dest).unwrap();
        }
    }
}
