//! The Starknet registry end to end on a real `starknet-devnet` (0.8.0, started
//! here on 127.0.0.1 at a free port, `--seed 0 --accounts 3`, killed on drop):
//! deploy the contracts, register the bundled MLP, pay for an inference in a
//! test token, prove and verify it locally, attest its fact, fulfil, read the
//! output back; then the refusals (fulfilment without a recorded fact, a
//! non-verifier recording a fact, a fulfilment after the deadline) and the
//! refund after the deadline.
//!
//! Roles: predeployed account 0 deploys and owns the contracts and is the
//! verifier, 1 is the model's provider, 2 the consumer. The payment token is a
//! `TestToken` (not devnet's STRK fee token) so balances move by exactly the
//! price: fees are paid in STRK and never blur them.
//!
//! Needs starknet-devnet 0.8.0 (`scripts/fetch-devnet.sh`, or `CAIRN_DEVNET`);
//! without it this test fails, saying how to install it.

mod support;

use std::path::Path;
use std::time::Instant;

use cairn_prover::field::Felt as ProverFelt;
use cairn_runtime::cairo::{Felt, Toolchain};
use cairn_starknet::client::{AccountKey, Client, DeployOptions, ModelSpec, RequestStatus, VerifiedInference};
use cairn_starknet::devnet::{self, Devnet};
use cairn_starknet::{compile_contracts, contracts_dir, StarknetError};
use cairn_transpiler::cairo_backend::read_manifest;
use support::{cairn, tmp_path};

const PRICE: u128 = 250;
const SUPPLY: u128 = 1_000_000;

fn json(args: &[&str]) -> serde_json::Value {
    let (ok, stdout, stderr) = cairn(args);
    assert!(ok, "cairn {args:?} failed:\n{stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("cairn {args:?}: not JSON ({e}):\n{stdout}"))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// The call must have been refused by the contracts with `reason`.
fn refused<T: std::fmt::Debug>(result: Result<T, StarknetError>, reason: &str) {
    match result {
        Err(StarknetError::Rejected { action, reason: got }) if got.contains(reason) => {
            eprintln!("  refused as it must be: {action}: {got}");
        }
        other => panic!("expected a rejection with {reason}, got {other:?}"),
    }
}

#[tokio::test(flavor = "current_thread")]
async fn registry_on_devnet_end_to_end() {
    let started = Instant::now();
    let binary = devnet::locate().unwrap_or_else(|e| panic!("{e}"));
    let t = Instant::now();
    let node = Devnet::start(&binary, 3, 0).await.expect("start starknet-devnet");
    eprintln!(
        "devnet {} up on {} in {:.2}s (log {})",
        binary.display(),
        node.url,
        t.elapsed().as_secs_f64(),
        node.log.display()
    );

    let accounts = node.predeployed_accounts().await.expect("predeployed accounts");
    assert_eq!(accounts.len(), 3);
    let (owner_key, provider_key, consumer_key) = (&accounts[0], &accounts[1], &accounts[2]);
    let owner = Client::connect(&node.url, owner_key).await.expect("connect");
    let provider = Client::connect(&node.url, provider_key).await.expect("connect");
    let consumer = Client::connect(&node.url, consumer_key).await.expect("connect");
    eprintln!(
        "chain {:#x}; owner/verifier {:#x}, provider {:#x}, consumer {:#x}",
        owner.chain_id(),
        owner.address(),
        provider.address(),
        consumer.address()
    );

    // Deploy: the three contracts and a test token held by the consumer.
    let t = Instant::now();
    let toolchain = Toolchain::locate().expect("Cairo toolchain");
    let contracts = compile_contracts(&toolchain, &contracts_dir()).expect("compile the contracts");
    let compile_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let options = DeployOptions { verifiers: vec![owner.address()], test_token: Some((consumer.address(), SUPPLY)) };
    let d = owner.deploy_all(&contracts, &options).await.expect("deploy");
    eprintln!("contracts compiled in {compile_s:.2}s, declared + deployed in {:.2}s", t.elapsed().as_secs_f64());
    for c in &contracts {
        if let Some(h) = d.classes.get(&c.name) {
            assert_eq!(h, &format!("{:#x}", c.class_hash));
            eprintln!("  class {:<14} {h} (compiled class {:#x})", c.name, c.compiled_class_hash);
        }
    }
    let token = d.test_token.expect("test token");
    eprintln!(
        "  FactRegistry   {:#x}\n  ModelRegistry  {:#x}\n  Marketplace    {:#x}\n  TestToken      {token:#x}",
        d.fact_registry, d.model_registry, d.marketplace
    );
    assert!(owner.is_verifier(&d, owner.address()).await.unwrap());
    assert!(!owner.is_verifier(&d, provider.address()).await.unwrap());
    assert_eq!(consumer.balance_of(token, consumer.address()).await.unwrap(), SUPPLY);

    // Files for the CLI.
    let dir = tmp_path(&format!("registry-devnet-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let deployment = dir.join("deployment.json");
    d.write(&deployment).unwrap();
    let account_file = |name: &str, key: &AccountKey| {
        let p = dir.join(format!("{name}.json"));
        key.write_file(&p).unwrap();
        p
    };
    let (owner_file, provider_file, consumer_file) = (
        account_file("owner", owner_key),
        account_file("provider", provider_key),
        account_file("consumer", consumer_key),
    );
    let node_args = |account: &Path| -> Vec<String> {
        ["--rpc", &node.url, "--account", s(account), "--deployment", s(&deployment), "--json"]
            .map(String::from)
            .to_vec()
    };
    let with_node = |sub: &[&str], account: &Path| -> Vec<String> {
        let mut args: Vec<String> = sub.iter().map(|a| a.to_string()).collect();
        args.extend(node_args(account));
        args
    };
    let run = |sub: &[&str], account: &Path| -> serde_json::Value {
        json(&with_node(sub, account).iter().map(String::as_str).collect::<Vec<_>>())
    };

    // Register the bundled MLP (provider) at a price in the test token.
    let package = dir.join("mlp");
    json(&["transpile", "examples/mlp/model.onnx", "-o", s(&package), "--json"]);
    let manifest = read_manifest(&package).unwrap();
    let program_hash = Felt::from_hex(manifest.program_hash.as_deref().expect("compiled package")).unwrap();
    let spec = ModelSpec {
        name: "cairn-mlp".into(),
        program_hash,
        metadata_uri: "https://example.org/cairn/examples/mlp".into(),
        input_shapes: manifest.inputs.iter().map(|i| i.shape.clone()).collect(),
        output_shapes: manifest.outputs.iter().map(|o| o.shape.clone()).collect(),
        scale: manifest.scale as u8,
    };
    let (model_id, _) = provider.register_model(&d, &spec).await.expect("register");
    provider.set_price(&d, model_id, token, PRICE).await.expect("set price");
    refused(consumer.set_price(&d, model_id, token, 1).await, "NOT_MODEL_OWNER");
    let model = consumer.get_model(&d, model_id).await.unwrap();
    assert_eq!(
        (model.owner, model.name.as_str(), model.latest_version, model.price),
        (provider.address(), "cairn-mlp", 1, PRICE)
    );
    let versions = consumer.list_versions(&d, model_id).await.unwrap();
    assert_eq!(versions[0].program_hash, program_hash);
    assert_eq!(versions[0].metadata_uri, spec.metadata_uri);
    assert_eq!(versions[0].input_shape_hash, cairn_starknet::fact::shapes_hash(&spec.input_shapes));
    eprintln!("model {model_id} registered: program {program_hash:#x}, price {PRICE} of the test token");

    // Prove the inference locally and verify the proof.
    let proof = dir.join("run.proof");
    let t = Instant::now();
    json(&["prove", s(&package), "--input", "examples/mlp/input.json", "-o", s(&proof), "--json"]);
    let prove_s = t.elapsed().as_secs_f64();
    let bytes = std::fs::read(&proof).unwrap();
    let expected = ProverFelt::from_starknet(&program_hash);
    let verified = cairn_prover::proof::verify(&bytes, Some(&expected), 96).expect("the proof verifies");
    let segment: Vec<Felt> = verified.output.iter().map(ProverFelt::to_starknet).collect();
    let n_out = manifest.outputs.iter().map(|o| o.len()).sum();
    let inference = VerifiedInference::from_segment(verified.program_hash.to_starknet(), &segment, n_out).unwrap();
    let fact = inference.fact();
    eprintln!(
        "proved in {prove_s:.2}s (CLI); output {} cells, input {} cells; fact {fact:#x}",
        inference.outputs.len(),
        inference.inputs.len()
    );

    // Request (consumer, CLI): the input commitment from the input file.
    let balance = |who: Felt| {
        let c = &consumer;
        async move { c.balance_of(token, who).await.unwrap() }
    };
    let before = (balance(consumer.address()).await, balance(provider.address()).await, balance(d.marketplace).await);
    let model_id_s = model_id.to_string();
    let r = run(
        &["registry", "request", &model_id_s, "--input", "examples/mlp/input.json", "--model", s(&package)],
        &consumer_file,
    );
    let request_id = r["request_id"].as_u64().expect("request id");
    assert_eq!(
        r["input_hash"],
        format!("{:#x}", inference.input_hash()),
        "the CLI's input commitment is the proven input's"
    );
    let escrowed = (balance(consumer.address()).await, balance(provider.address()).await, balance(d.marketplace).await);
    assert_eq!(escrowed, (before.0 - PRICE, before.1, before.2 + PRICE));
    let request = consumer.get_request(&d, request_id).await.unwrap();
    assert_eq!((request.status, request.program_hash, request.payment), (RequestStatus::Pending, program_hash, PRICE));

    // Refusals: no fact recorded yet; a provider that is not a verifier cannot
    // attest; the CLI says so before sending anything.
    refused(provider.fulfil(&d, request_id, &inference.outputs).await, "INVALID_FACT");
    refused(provider.register_fact(&d, fact).await, "NOT_VERIFIER");
    let request_id_s = request_id.to_string();
    let fulfil_args = ["registry", "fulfil", &request_id_s, "--proof", s(&proof), "--model", s(&package)];
    let attest_args = ["registry", "attest", "--proof", s(&proof), "--model", s(&package)];
    let args = with_node(&fulfil_args, &provider_file);
    let (ok, _, stderr) = cairn(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!ok && stderr.contains("is not a verifier"), "{stderr}");

    // The verifier attests (CLI), the provider fulfils (CLI).
    let a = run(&attest_args, &owner_file);
    assert_eq!(a["fact"], format!("{fact:#x}"));
    assert!(owner.is_fact_valid(&d, fact).await.unwrap());
    let f = run(&fulfil_args, &provider_file);
    assert_eq!(f["fact"], format!("{fact:#x}"));
    assert!(f["fact_recorded"].is_null());
    let after = (balance(consumer.address()).await, balance(provider.address()).await, balance(d.marketplace).await);
    assert_eq!(after, (before.0 - PRICE, before.1 + PRICE, before.2), "the provider got paid from escrow");

    // Anyone can read the output (library and CLI).
    assert_eq!(consumer.get_output(&d, request_id).await.unwrap(), inference.outputs);
    let request = consumer.get_request(&d, request_id).await.unwrap();
    assert_eq!((request.status, request.output_hash), (RequestStatus::Fulfilled, inference.output_hash()));
    let shown = run(&["registry", "show", "--model-id", &model_id_s, "--request-id", &request_id_s], &consumer_file);
    let cells: Vec<String> = inference.outputs.iter().map(|c| format!("{c:#x}")).collect();
    assert_eq!(shown["output"], serde_json::json!(cells));
    assert_eq!(shown["model"]["name"], "cairn-mlp");
    refused(provider.fulfil(&d, request_id, &inference.outputs).await, "NOT_PENDING");

    // A second request that expires: no fulfilment after the deadline (even
    // with a valid fact), no refund before it, a refund after it.
    let now = consumer.block_timestamp().await.unwrap();
    let (late_id, _) =
        consumer.request_inference(&d, model_id, inference.input_hash(), now + 60).await.expect("request");
    assert_eq!(balance(consumer.address()).await, before.0 - 2 * PRICE);
    refused(consumer.refund(&d, late_id).await, "DEADLINE_NOT_PASSED");
    node.increase_time(3600).await.expect("devnet_increaseTime");
    refused(provider.fulfil(&d, late_id, &inference.outputs).await, "DEADLINE_PASSED");
    refused(provider.refund(&d, late_id).await, "NOT_CONSUMER");
    let refund = consumer.refund(&d, late_id).await.expect("refund");
    assert_eq!(refund.events_named(d.marketplace, "InferenceRefunded").len(), 1);
    assert_eq!(consumer.get_request(&d, late_id).await.unwrap().status, RequestStatus::Refunded);
    let end = (balance(consumer.address()).await, balance(provider.address()).await, balance(d.marketplace).await);
    assert_eq!(end, (before.0 - PRICE, before.1 + PRICE, before.2));

    eprintln!(
        "request {request_id}: fulfilled; request {late_id}: refunded\n\
         test-token balances (consumer, provider, marketplace): before {before:?}, escrowed {escrowed:?}, \
         after fulfilment {after:?}, after refund {end:?}\n\
         total {:.1}s",
        started.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
