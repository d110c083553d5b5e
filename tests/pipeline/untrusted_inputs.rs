//! Seeded, bounded property tests over everything cairn reads from
//! untrusted sources (issue 11): proof files (mutations of a real model's
//! honest proof), ONNX models (mutations of the bundled ones) and input files
//! (mutations of JSON and .npy inputs, and generated JSON). Nothing may
//! panic; a mutated proof may only be accepted with the statement unchanged.
//! Long runs use the cargo-fuzz targets in `fuzz/` (docs/fuzzing.md).

use std::cell::Cell;
use std::sync::{Once, OnceLock};

use crate::support::{cairn, tmp_path};
use cairn_prover::proof::{self, Verified, VerifyError, DEFAULT_SECURITY_BITS};
use cairn_runtime::{FixedArith, Scale};
use cairn_transpiler::{inputs, load, Network};
use npyz::WriterBuilder;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

thread_local! {
    static PANICS: Cell<usize> = const { Cell::new(0) };
}

/// Counts panics per thread (also those a `catch_unwind` swallows).
fn count_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.with(|p| p.set(p.get() + 1));
            default(info);
        }));
    });
}

fn no_panic<T>(what: &str, f: impl FnOnce() -> T) -> T {
    count_panics();
    let before = PANICS.with(Cell::get);
    let r = f();
    assert_eq!(PANICS.with(Cell::get), before, "{what}: panicked");
    r
}

fn runner(cases: u32, seed: u64) -> TestRunner {
    TestRunner::new(Config { cases, rng_seed: RngSeed::Fixed(seed), failure_persistence: None, ..Config::default() })
}

/// One mutation of a byte string.
#[derive(Clone, Debug)]
enum Mutation {
    FlipBit { at: usize, bit: u8 },
    Run { at: usize, len: usize, byte: u8 },
    Truncate { keep: usize },
    Insert { at: usize, bytes: Vec<u8> },
}

impl Mutation {
    fn apply(&self, bytes: &[u8]) -> Vec<u8> {
        let mut out = bytes.to_vec();
        match self {
            Mutation::FlipBit { at, bit } => {
                let i = at % out.len();
                out[i] ^= 1 << bit;
            }
            Mutation::Run { at, len, byte } => {
                let start = at % out.len();
                let end = (start + len).min(out.len());
                out[start..end].fill(*byte);
            }
            Mutation::Truncate { keep } => out.truncate(keep % out.len()),
            Mutation::Insert { at, bytes } => {
                let i = at % (out.len() + 1);
                out.splice(i..i, bytes.iter().copied());
            }
        }
        out
    }
}

/// Bit flips, 0x00/0xFF runs over (length) fields, truncations, insertions;
/// one to three of them.
fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    let one = prop_oneof![
        3 => (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        3 => (any::<usize>(), 1usize..=16, prop_oneof![Just(0x00u8), Just(0xFFu8)])
            .prop_map(|(at, len, byte)| Mutation::Run { at, len, byte }),
        1 => any::<usize>().prop_map(|keep| Mutation::Truncate { keep }),
        2 => (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..=16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
    ];
    proptest::collection::vec(one, 1..=3)
}

fn apply_all(ms: &[Mutation], bytes: &[u8]) -> Vec<u8> {
    ms.iter().fold(bytes.to_vec(), |b, m| if b.is_empty() { b } else { m.apply(&b) })
}

/// The bundled MLP's proof, made by the CLI (transpile, prove).
fn mlp_proof() -> &'static Vec<u8> {
    static P: OnceLock<Vec<u8>> = OnceLock::new();
    P.get_or_init(|| {
        let proof = tmp_path("untrusted-mlp.proof");
        let (ok, _, stderr) = cairn(&[
            "prove",
            "examples/mlp/model.onnx",
            "--input",
            "examples/mlp/input.json",
            "-o",
            proof.to_str().expect("utf-8"),
            // verified below with no package: it must carry its program
            "--embed-program",
        ]);
        assert!(ok, "{stderr}");
        std::fs::read(&proof).expect("the proof file")
    })
}

#[test]
fn mutated_model_proofs_never_panic_and_never_change_the_statement() {
    let bytes = mlp_proof();
    mutate_proof("MLP proof", bytes, 300, 0x11_2026, |b| proof::verify(b, None, DEFAULT_SECURITY_BITS));
}

/// The same proof without its bytecode, checked against the program the
/// verifier holds: the `program_omitted` flag and the empty program are
/// mutated along with the rest.
#[test]
fn mutated_proofs_without_their_program_never_panic_and_never_change_the_statement() {
    let full = mlp_proof();
    let words = proof::parse(full).expect("parses").0.public_input.program;
    let (slim, _) = proof::omit_program(full).expect("strips");
    mutate_proof("MLP proof without its program", &slim, 150, 0x14_2026, |b| {
        proof::verify_with_program(b, Some(&words), None, DEFAULT_SECURITY_BITS)
    });
}

/// `cases` seeded mutations of an honest proof, half aimed at the STARK
/// bytes (where the length fields are): none may panic, and any accepted
/// one must state what the honest proof states.
fn mutate_proof(
    what: &str,
    bytes: &[u8],
    cases: u32,
    seed: u64,
    verify: impl Fn(&[u8]) -> Result<Verified, VerifyError>,
) {
    let honest: Verified = verify(bytes).expect("the honest proof verifies");
    let header_len = u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize;
    let (rejected, accepted, no_ops) = (Cell::new(0u32), Cell::new(0u32), Cell::new(0u32));
    let stark_start = 12 + header_len;
    let strategy = (mutations(), any::<bool>());
    runner(cases, seed)
        .run(&strategy, |(ms, in_stark)| {
            let forged = if in_stark {
                let mut f = bytes[..stark_start].to_vec();
                f.extend(apply_all(&ms, &bytes[stark_start..]));
                f
            } else {
                apply_all(&ms, bytes)
            };
            if forged == bytes {
                no_ops.set(no_ops.get() + 1); // e.g. 0x00 written over zero bytes
                return Ok(());
            }
            match no_panic(&format!("{ms:?}"), || verify(&forged)) {
                Err(_) => rejected.set(rejected.get() + 1),
                Ok(v) => {
                    accepted.set(accepted.get() + 1);
                    prop_assert_eq!(&v.output, &honest.output, "{:?} changed the proven cells", ms);
                    prop_assert_eq!(v.program_hash, honest.program_hash, "{:?} changed the program", ms);
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "{what}, {cases} mutations: {} rejected, {} accepted with the statement unchanged, {} left the bytes as they were",
        rejected.get(),
        accepted.get(),
        no_ops.get()
    );
    assert!(rejected.get() + no_ops.get() >= cases * 98 / 100, "almost every mutation breaks a proof");
}

#[test]
fn mutated_onnx_models_never_panic_on_import() {
    for (name, seed) in [("mlp", 0x0a11u64), ("cnn", 0x0a12)] {
        let path = format!("examples/{name}/model.onnx");
        let bytes = std::fs::read(&path).expect("bundled model");
        let (loaded, resolved) = (Cell::new(0u32), Cell::new(0u32));
        runner(150, seed)
            .run(&mutations(), |ms| {
                let forged = apply_all(&ms, &bytes);
                no_panic(&format!("{path} {ms:?}"), || {
                    if let Ok(model) = load::load_model_bytes(&forged, &path) {
                        loaded.set(loaded.get() + 1);
                        if Network::resolve(model).is_ok() {
                            resolved.set(resolved.get() + 1);
                        }
                    }
                });
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
        eprintln!("{path}: 150 mutations, {} still load, {} still resolve", loaded.get(), resolved.get());
    }
}

fn mlp_network() -> &'static Network {
    static N: OnceLock<Network> = OnceLock::new();
    N.get_or_init(|| Network::resolve(load::load_model("examples/mlp/model.onnx".as_ref()).unwrap()).unwrap())
}

/// Parses, binds and quantizes an input file's bytes, as `cairn run` does.
fn read_input(bytes: &[u8]) -> bool {
    let net = mlp_network();
    let Ok(samples) = inputs::parse_samples(bytes, "fuzzed input", net) else { return false };
    let fx = FixedArith::new(Scale::default());
    samples.iter().all(|s| net.bind(s).and_then(|b| net.input_values(&fx, &b)).is_ok())
}

#[test]
fn mutated_input_files_never_panic() {
    let json = std::fs::read("examples/mlp/input.json").expect("bundled input");
    let values: Vec<f32> = (0..64).map(|i| i as f32 / 4.0).collect();
    let mut npy = Vec::new();
    {
        let mut w = npyz::WriteOptions::<f32>::new()
            .default_dtype()
            .shape(&[1, 64])
            .writer(&mut npy)
            .begin_nd()
            .expect("npy writer");
        w.extend(values.iter().copied()).expect("npy data");
        w.finish().expect("npy");
    }
    assert!(read_input(&json) && read_input(&npy), "the unmutated inputs are accepted");
    for (what, bytes, seed) in [("input.json", &json, 0x1e01u64), ("input.npy", &npy, 0x1e02)] {
        let ok = Cell::new(0u32);
        runner(200, seed)
            .run(&mutations(), |ms| {
                let forged = apply_all(&ms, bytes);
                if no_panic(&format!("{what} {ms:?}"), || read_input(&forged)) {
                    ok.set(ok.get() + 1);
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
        eprintln!("{what}: 200 mutations, {} still accepted", ok.get());
    }
}

/// JSON values of any shape, with numbers at the edges of f64 and as
/// strings where a number belongs.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        any::<f64>().prop_map(|x| serde_json::json!(x)),
        any::<i64>().prop_map(|x| serde_json::json!(x)),
        Just(serde_json::json!(1e308)),
        Just(serde_json::json!(-0.0)),
        Just(serde_json::Value::Null),
        Just(serde_json::json!("1e999")),
        any::<bool>().prop_map(serde_json::Value::Bool),
    ];
    leaf.prop_recursive(4, 256, 70, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..70).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(
                proptest::sample::select(vec!["input", "input_data", "x", "other"]).prop_map(String::from),
                inner,
                0..3
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn generated_json_inputs_never_panic() {
    let ok = Cell::new(0u32);
    runner(300, 0x15_0a)
        .run(&json_value(), |v| {
            let bytes = serde_json::to_vec(&v).unwrap();
            if no_panic(&format!("{v}"), || read_input(&bytes)) {
                ok.set(ok.get() + 1);
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("generated JSON: 300 values, {} accepted", ok.get());
}
