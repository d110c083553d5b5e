//! The library API on its own (no CLI): ONNX → package → compiled program →
//! proof → verified claim, equal to the reference runtime; and the same work
//! on two threads at once (two compilations, two proofs).

use std::path::PathBuf;

use cairn::{verify, Error, Expected, IoSource, Model, Package, ProgramInProof, Scale, VerifyPolicy};

fn tmp(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cairn-api").join(name)
}

#[test]
fn onnx_to_a_verified_proof_through_the_library() {
    let model = Model::load("examples/mlp/model.onnx").expect("load");
    let sample = model.read_samples("examples/mlp/input.json").expect("samples").remove(0);
    let scale = Scale::new(16).unwrap();
    let reference = model.evaluate(scale, &sample).expect("reference runtime");

    let dir = tmp("mlp-package");
    let package = model.transpile(&dir, scale, None).expect("transpile");
    assert_eq!(package.manifest().program_hash, None, "not compiled yet");
    let program = package.compile().expect("compile");
    let hash = program.program_hash();
    assert_eq!(
        Package::open(&dir).unwrap().program_hash().unwrap(),
        Some(hash),
        "compiling records the hash in the manifest"
    );
    let run = program.run(&sample).expect("Cairo run");
    assert_eq!(run.outputs[0].raw, reference[0].raw, "Cairo == reference");

    let again = Package::open(&dir).unwrap().compile().expect("compile again");
    assert!(again.from_cache(), "the compiled program is cached in the package");
    assert_eq!(again.program_hash(), hash);

    let proof = program.prove(&sample, 96, ProgramInProof::Omitted).expect("prove");
    assert!(proof.header.security_bits >= 96 && proof.trace_rows >= proof.steps);

    let expected = Expected::package(Package::open(&dir).unwrap()).expect("a compiled package");
    let verified = verify(&proof.bytes, &expected, VerifyPolicy::default()).expect("verifies");
    assert_eq!(verified.io_source, Some(IoSource::Package(dir.clone())));
    let io = verified.io.expect("decoded with the package's manifest");
    assert_eq!(io.outputs[0].raw, reference[0].raw, "the proven output is the reference's");
    let given: Vec<f64> = match &sample.tensors[0].1 {
        cairn::transpiler::inputs::InputData::Real(v) => v.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(io.inputs[0].values, given, "the proof binds the input");

    // The proof leaves its bytecode out: a program hash alone cannot check it.
    assert!(matches!(
        verify(&proof.bytes, &Expected::program_hash(hash), VerifyPolicy::default()),
        Err(Error::Verify(cairn::prover::proof::VerifyError::ProgramMissing { .. }))
    ));
    // One that carries it verifies by hash, and is larger.
    let full = program.prove(&sample, 96, ProgramInProof::Embedded).expect("prove");
    assert!(full.bytes.len() > proof.bytes.len(), "{} vs {}", full.bytes.len(), proof.bytes.len());
    verify(&full.bytes, &Expected::program_hash(hash), VerifyPolicy::default()).expect("verifies by hash");

    // Against another program, or at a requirement below the floor: refused.
    let other = Expected::program_hash(hash + cairn::Felt::ONE);
    assert!(matches!(
        verify(&full.bytes, &other, VerifyPolicy::default()),
        Err(Error::Verify(cairn::prover::proof::VerifyError::ProgramHash { .. }))
    ));
    let weak = VerifyPolicy { min_security: 40, accept_weak: false };
    assert!(matches!(
        verify(&proof.bytes, &expected, weak),
        Err(Error::Verify(cairn::prover::proof::VerifyError::WeakRequirement { requested: 40 }))
    ));
    assert!(matches!(
        Expected::package(Package::open(&dir).unwrap()).unwrap().with_program_hash(hash + cairn::Felt::ONE),
        Err(Error::HashDisagrees { .. })
    ));
}

#[test]
fn two_compilations_and_two_proofs_on_parallel_threads() {
    let scale = Scale::new(16).unwrap();
    let work = |thread: usize, name: &'static str, input: &'static str| {
        std::thread::spawn(move || {
            let model = Model::load(format!("examples/{name}/model.onnx")).expect("load");
            let sample = model.read_samples(input).expect("samples").remove(0);
            // A fresh package each time: the compilations really run.
            let dir = tmp(&format!("parallel-{thread}-{name}"));
            let _ = std::fs::remove_dir_all(&dir);
            let program = model.transpile(&dir, scale, None).and_then(|p| p.compile()).expect("compile");
            assert!(!program.from_cache());
            let proof = program.prove(&sample, 96, ProgramInProof::Omitted).expect("prove");
            let expected = Expected::package(program.package().clone()).expect("compiled");
            let verified = verify(&proof.bytes, &expected, VerifyPolicy::default()).expect("verifies");
            let reference = model.evaluate(scale, &sample).expect("reference");
            assert_eq!(verified.io.expect("decoded").outputs[0].raw, reference[0].raw);
            program.program_hash()
        })
    };
    // The same model twice: the same program must come out on both threads.
    let a = work(0, "mlp", "examples/mlp/input.json");
    let b = work(1, "mlp", "examples/mlp/input.json");
    let (ha, hb) = (a.join().expect("thread a"), b.join().expect("thread b"));
    assert_eq!(ha, hb, "compilation is deterministic across threads");
}

#[test]
fn errors_keep_their_context() {
    let e = Model::load("examples/no-such/model.onnx").unwrap_err();
    assert!(matches!(e, Error::Load(_)), "{e:?}");
    let e = Package::open("examples/mlp").unwrap_err();
    assert!(e.to_string().contains("is not a cairn package"), "{e}");
    let model = Model::load("examples/mlp/model.onnx").unwrap();
    let e = model.parse_samples(br#"{"input": [[1.0, 2.0]]}"#, "two.json").unwrap_err();
    match &e {
        Error::Input { path, sample: None, source } => {
            assert_eq!(path, "two.json");
            assert!(matches!(**source, cairn::transpiler::inputs::InputError::Shape { .. }), "{source:?}");
        }
        other => panic!("{other:?}"),
    }
}

/// `Model::bind_samples` (the Python package's way in): arrays in memory are
/// checked exactly as a file's samples are, and a shape that the data does
/// not fill — which no file can express — is refused, not handed to kernels.
#[test]
fn samples_built_in_memory_bind_like_files() {
    use cairn::{InputData, InputTensor, Sample};
    let model = Model::load("examples/mlp/model.onnx").expect("load");
    let from_file = model.read_samples("examples/mlp/input.json").expect("samples");
    let values = match &from_file[0].tensors[0].1 {
        InputData::Real(v) => v.clone(),
        other => panic!("{other:?}"),
    };
    let tensor = |shape: Option<Vec<usize>>, data: Vec<f64>| InputTensor { shape, data: InputData::Real(data) };
    let named = Sample::Named([("input".to_string(), tensor(Some(vec![1, 64]), values.clone()))].into());
    let ordered = Sample::Ordered(vec![tensor(Some(vec![1, 64]), values.clone())]);
    let flat = Sample::Ordered(vec![tensor(None, values.clone())]);
    let bound = model.bind_samples(&[named, ordered, flat], "arrays").expect("binds");
    assert!(bound.iter().all(|b| b == &from_file[0]), "the same sample as the file's");

    let short = Sample::Ordered(vec![tensor(Some(vec![1, 64]), values[..63].to_vec())]);
    let err = model.bind_samples(&[short], "arrays").expect_err("63 values for [1, 64]");
    assert!(err.to_string().starts_with("arrays"), "{err}");
    let cause = std::error::Error::source(&err).map(|s| s.to_string()).unwrap_or_default();
    assert!(cause.contains("63 values do not fill the model's shape"), "{cause}");
    assert!(model.bind_samples(&[], "arrays").is_err(), "no samples");
}

/// What `cairn run model.onnx` (and prove, bench) go through: a model file's
/// package for a sample's shapes lives in cairn's cache, and asking again
/// gives the same package with its compiled program, not a recompile.
#[test]
fn a_model_files_cached_package_is_reused_compiled() {
    let model = Model::load("examples/mlp/model.onnx").expect("load");
    let sample = model.read_samples("examples/mlp/input.json").expect("samples").remove(0);
    let scale = Scale::new(16).unwrap();
    let first = model.cached_package(scale, &sample).expect("cached package").compile().expect("compile");
    let again = model.cached_package(scale, &sample).expect("cached package again");
    assert_eq!(again.dir(), first.package().dir(), "the same cache entry");
    let program = again.compile().expect("compile again");
    assert!(program.from_cache(), "the compiled program is reused, not recompiled");
    assert_eq!(program.program_hash(), first.program_hash());
}
