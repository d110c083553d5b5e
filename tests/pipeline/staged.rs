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
    let hashes: Vec<(Felt, usize)> = program
        .programs()
        .iter()
        .map(|p| (p.program_hash(), p.manifest().outputs.iter().map(|o| o.len()).sum()))
        .collect();
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

mod bundles {
    use cairn::bundle::{verify_bundle, Bundle, BundleError, ExpectedModel};
    use cairn::prover::proof::VerifyError;
    use cairn::{Error, Model, ProgramInProof, ProofShape, Scale, StagedPackage, VerifyPolicy};

    use super::tmp;

    fn bundle_error(r: Result<cairn::bundle::VerifiedBundle, Error>) -> BundleError {
        match r {
            Err(Error::Bundle(e)) => e,
            Err(e) => panic!("not a bundle error: {e}"),
            Ok(_) => panic!("a malicious bundle was accepted"),
        }
    }

    fn reassemble(parts: &[&cairn::bundle::StageProof]) -> Vec<u8> {
        Bundle { stages: parts.iter().map(|&p| p.clone()).collect() }.to_bytes()
    }

    #[test]
    fn a_staged_cnn_proves_as_a_bundle_and_every_malicious_bundle_is_rejected() {
        let model = Model::load("examples/cnn/model.onnx").expect("load");
        let samples = model.read_samples("examples/cnn/samples.json").expect("samples");
        let (a, b) = (&samples[0], &samples[1]);
        let scale = Scale::new(16).unwrap();
        let dir = tmp("cnn-bundle");
        let staged = model.transpile_staged(&dir, scale, None, 2).expect("cut");
        let program = staged.compile().expect("compile");
        let none = |_: usize, _: &cairn::Proof| {};
        let prove = |s, embed, jobs| {
            program.prove(s, 96, embed, ProofShape::Fast, jobs, &none).expect("prove the stages").bytes
        };
        let one_job = prove(a, ProgramInProof::Omitted, 1);
        let two_jobs = prove(a, ProgramInProof::Omitted, 2);
        assert!(one_job == two_jobs, "the bundle does not depend on how many stages prove at once");

        // verified against the package: the reference's output, the input bound
        let trusted = ExpectedModel::Package(StagedPackage::open(&dir).unwrap());
        let policy = VerifyPolicy::default();
        let v = verify_bundle(&one_job, &trusted, policy).expect("a bundle of the model verifies");
        assert_eq!(v.model_hash, program.model_hash());
        let io = v.io.as_ref().expect("read with the package's manifests");
        assert_eq!(io.outputs[0].raw, model.evaluate(scale, a).unwrap()[0].raw, "the proven output is the reference's");
        let given = cairn::transpiler::io::encode_inputs(program.programs()[0].manifest(), a).unwrap();
        assert_eq!(v.input_cells, given, "the bundle binds the model's input");

        let honest = Bundle::parse(&one_job).unwrap();
        let (s0, s1) = (&honest.stages[0], &honest.stages[1]);

        // stages reordered (each proof keeps its own cell count, or not)
        let swapped_proofs = Bundle {
            stages: vec![
                cairn::bundle::StageProof { outputs: s0.outputs, proof: s1.proof.clone() },
                cairn::bundle::StageProof { outputs: s1.outputs, proof: s0.proof.clone() },
            ],
        }
        .to_bytes();
        assert!(matches!(
            bundle_error(verify_bundle(&swapped_proofs, &trusted, policy)),
            BundleError::Stage { stage: 0, .. }
        ));
        assert!(matches!(
            bundle_error(verify_bundle(&reassemble(&[s1, s0]), &trusted, policy)),
            BundleError::OutputCount { stage: 0, .. }
        ));
        // a stage missing, a stage repeated
        assert!(matches!(
            bundle_error(verify_bundle(&reassemble(&[s0]), &trusted, policy)),
            BundleError::WrongStageCount { got: 1, want: 2 }
        ));
        assert!(matches!(
            bundle_error(verify_bundle(&reassemble(&[s0, s0, s1]), &trusted, policy)),
            BundleError::WrongStageCount { got: 3, want: 2 }
        ));
        assert!(matches!(
            bundle_error(verify_bundle(&reassemble(&[s0, s0]), &trusted, policy)),
            BundleError::OutputCount { stage: 1, .. }
        ));
        // a stage swapped for another program: the whole model's, which
        // writes the same ten output cells as the last stage
        let whole = model.cached_package(scale, a).unwrap().compile().unwrap();
        let other = whole.prove(a, 96, ProgramInProof::Omitted).expect("prove the whole model").bytes;
        let foreign = cairn::bundle::StageProof { outputs: s1.outputs, proof: other };
        assert!(matches!(
            bundle_error(verify_bundle(&reassemble(&[s0, &foreign]), &trusted, policy)),
            BundleError::Stage { stage: 1, .. }
        ));
        // a broken link: stage 1 proven on the cells of another input
        let of_b = prove(b, ProgramInProof::Omitted, 1);
        let b1 = &Bundle::parse(&of_b).unwrap().stages[1];
        verify_bundle(&of_b, &trusted, policy).expect("the other input's bundle is honest");
        assert!(matches!(
            bundle_error(verify_bundle(&reassemble(&[s0, b1]), &trusted, policy)),
            BundleError::BrokenLink { stage: 0 }
        ));

        // against the model hash alone: each proof must carry its program
        let by_hash = ExpectedModel::ModelHash(program.model_hash());
        match bundle_error(verify_bundle(&one_job, &by_hash, policy)) {
            BundleError::Stage { source, .. } => {
                assert!(matches!(*source, Error::Verify(VerifyError::ProgramMissing { .. })), "{source}")
            }
            e => panic!("{e}"),
        }
        let embedded = prove(a, ProgramInProof::Embedded, 2);
        let v = verify_bundle(&embedded, &by_hash, policy).expect("verifies by the model hash");
        assert_eq!(v.output_cells, verify_bundle(&one_job, &trusted, policy).unwrap().output_cells);
        let e = Bundle::parse(&embedded).unwrap();
        let (e0, e1) = (&e.stages[0], &e.stages[1]);
        let embedded_b = Bundle::parse(&prove(b, ProgramInProof::Embedded, 1)).unwrap();
        for (what, bytes) in [
            ("reordered", reassemble(&[e1, e0])),
            ("missing", reassemble(&[e0])),
            ("repeated", reassemble(&[e0, e0, e1])),
        ] {
            assert!(
                matches!(bundle_error(verify_bundle(&bytes, &by_hash, policy)), BundleError::ModelHash { .. }),
                "{what}"
            );
        }
        assert!(matches!(
            bundle_error(verify_bundle(&reassemble(&[e0, &embedded_b.stages[1]]), &by_hash, policy)),
            BundleError::BrokenLink { stage: 0 }
        ));
        // the wrong cell count for a stage changes the model hash
        let mut miscounted = e.clone();
        miscounted.stages[0].outputs -= 1;
        assert!(matches!(
            bundle_error(verify_bundle(&miscounted.to_bytes(), &by_hash, policy)),
            BundleError::ModelHash { .. }
        ));

        // bytes that are not a bundle, or a damaged one: an error, never a panic
        let mut damaged: Vec<Vec<u8>> = (0..64.min(one_job.len())).map(|n| one_job[..n].to_vec()).collect();
        damaged.push(one_job[..one_job.len() - 1].to_vec());
        let mut trailing = one_job.clone();
        trailing.push(0);
        damaged.push(trailing);
        for at in [8, 9, 12, 13, 16, 20, 24, 100, 1000, one_job.len() / 2] {
            let mut flipped = one_job.clone();
            flipped[at] ^= 0x5a;
            damaged.push(flipped);
        }
        let mut huge_count = one_job.clone();
        huge_count[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        damaged.push(huge_count);
        for bytes in &damaged {
            assert!(verify_bundle(bytes, &trusted, policy).is_err(), "{} damaged bytes accepted", bytes.len());
            assert!(verify_bundle(bytes, &by_hash, policy).is_err());
        }
    }
}

#[test]
fn max_rows_cuts_the_cnn_into_stages_that_fit_and_refuses_a_bound_no_cut_meets() {
    let model = Model::load("examples/cnn/model.onnx").expect("load");
    let sample = model.read_samples("examples/cnn/input.json").expect("samples").remove(0);
    let scale = Scale::new(16).unwrap();
    let dir = tmp("cnn-max-rows");
    let (staged, report) =
        model.transpile_staged_within(&dir, scale, &sample, 1 << 14, &|_| {}).expect("fits 2^14 rows");
    assert!(staged.stages().len() >= 2, "the whole model needs 2^14 rows after framing: it is cut");
    for (i, f) in report.stages.iter().enumerate() {
        assert!(f.trace_rows <= 1 << 14, "stage {i}: {} rows", f.trace_rows);
        assert!(f.rows_needed <= f.trace_rows && f.steps > 0);
    }
    // measured, not guessed: the report's rows are the stages' real traces
    let program = staged.compile().expect("compile");
    let run = program.run(&sample).expect("chain");
    assert_eq!(run.outputs[0].raw, model.evaluate(scale, &sample).unwrap()[0].raw);
    for (i, prog) in program.programs().iter().enumerate() {
        let r = prog.run_cells(&run.inputs[i], cairn::cairo::vm::RunMode::Proof).unwrap();
        assert_eq!(prog.trace(&r).unwrap().len(), report.stages[i].trace_rows, "stage {i}");
    }

    // 2^13 rows: the convolution with its folded ReLU and pool alone needs 2^14
    let small = tmp("cnn-max-rows-too-small");
    let _ = std::fs::remove_dir_all(&small);
    let err = model.transpile_staged_within(&small, scale, &sample, 1 << 13, &|_| {}).expect_err("cannot fit");
    assert!(!small.exists(), "no package is left behind");
    let text = err.to_string();
    assert!(
        text.contains("'conv1' (Conv), 'relu1' (Relu), 'pool1' (MaxPool)") && text.contains("cannot split"),
        "{text}"
    );
}

#[test]
fn the_large_resnet_agrees_with_onnxruntime_and_its_residual_crosses_the_cuts() {
    // examples/large: too big for one trace, so the Cairo side is measured by
    // bench/staged.sh; here the reference runtime against onnxruntime, and
    // where the cuts may go.
    let dir = "examples/large/resnet_shapes_torchscript";
    let model = Model::load(format!("{dir}/model.onnx")).expect("load");
    let samples = model.read_samples(format!("{dir}/test.json")).expect("samples");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/expected.json")).unwrap()).unwrap();
    let scale = Scale::new(16).unwrap();
    for (i, sample) in samples.iter().enumerate() {
        let got = &model.evaluate(scale, sample).expect("reference")[0].values;
        let want: Vec<f64> =
            expected["onnxruntime"][i]["output"][0].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        let argmax = |v: &[f64]| (0..v.len()).max_by(|&a, &b| v[a].total_cmp(&v[b])).unwrap();
        assert_eq!(argmax(got), argmax(&want), "row {i}");
        for (g, w) in got.iter().zip(&want) {
            assert!((g - w).abs() < 0.02, "row {i}: {g} vs onnxruntime {w}");
        }
    }
    let net = model.network();
    let flow = cairn::transpiler::stages::Dataflow::new(net);
    let name = |k: usize| net.nodes[flow.computed()[k]].name.clone();
    let b = (0..flow.computed().len()).find(|&k| name(k) == "/block1/b/Conv").expect("block 1's second conv");
    let crossing: Vec<String> = flow.crossing(b).iter().map(|&s| net.slot_names[s].clone()).collect();
    assert_eq!(crossing, ["/stem/stem.1/Relu_output_0", "/block1/Relu_output_0"], "the residual crosses the cut");
    // a cut may go between a convolution and its ReLU, but the folded units stay whole
    let relu = (0..flow.computed().len()).find(|&k| name(k) == "/block1/Relu").expect("block 1's ReLU");
    assert!(flow.cuts().contains(&relu) && !flow.unit_cuts().contains(&relu));
    assert!(flow.unit_cuts().contains(&b));
}
