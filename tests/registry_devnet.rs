//! The Starknet registry end to end on a real `starknet-devnet` (0.8.0, started
//! here on 127.0.0.1 at a free port, `--seed 0 --accounts 3`, killed on drop).
//!
//! The market: deploy the contracts, register the bundled MLP at a price in
//! STRK (devnet's fee token), request an inference, prove and verify it
//! locally, attest its fact, fulfil, read the output back; the refusals
//! (fulfilment without a recorded fact, a non-verifier recording a fact, a
//! fulfilment after the deadline) and the refund after the deadline. STRK
//! balances are checked to the unit: each party's change is the price minus
//! the fees its own transactions' receipts report.
//!
//! Then the owners' side: a second version, verifiers added and removed, the
//! marketplace moved to a new fact registry, deprecation, ownership
//! transfers, each with the refusal it implies; and the event history read
//! back through `cairn registry events`. Last, a staged model (docs/staged.md):
//! registered under its model hash, requested, proven as a bundle, attested
//! and fulfilled the same way; a reordered bundle is refused.
//!
//! Roles: predeployed account 0 deploys and owns the contracts and is the
//! verifier, 1 is the model's provider, 2 the consumer.
//!
//! Needs starknet-devnet 0.8.0 (`scripts/fetch-devnet.sh`, or `CAIRN_DEVNET`);
//! without it this test fails, saying how to install it.

mod support;

use std::path::{Path, PathBuf};
use std::time::Instant;

use cairn::cairo::{Felt, Toolchain};
use cairn_prover::field::Felt as ProverFelt;
use cairn_starknet::client::{
    AccountKey, Client, DeployOptions, Deployment, ModelSpec, Owned, RequestStatus, VerifiedInference, STRK,
};
use cairn_starknet::devnet::{self, Devnet};
use cairn_starknet::{compile_contracts, contracts_dir, StarknetError};
use cairn_transpiler::codegen::package::read_manifest;
use support::{cairn, tmp_path};

/// 0.25 STRK, in FRI.
const PRICE: u128 = 250_000_000_000_000_000;

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

/// The fee a CLI report's transaction paid, in FRI.
fn fee(report: &serde_json::Value) -> u128 {
    let fee = report["fee_fri"].as_str().unwrap_or_else(|| panic!("no fee_fri in {report}"));
    fee.parse().unwrap_or_else(|e| panic!("fee {fee:?}: {e}"))
}

/// Runs `cairn registry …` against the node as one account.
struct Cli {
    url: String,
    deployment: PathBuf,
}

impl Cli {
    fn args(&self, sub: &[&str], account: &Path) -> Vec<String> {
        let mut args: Vec<String> = sub.iter().map(|a| a.to_string()).collect();
        args.extend(
            ["--rpc", &self.url, "--account", s(account), "--deployment", s(&self.deployment), "--json"]
                .map(String::from),
        );
        args
    }

    fn run(&self, sub: &[&str], account: &Path) -> serde_json::Value {
        json(&self.args(sub, account).iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// The command's text output (no `--json`).
    fn text(&self, sub: &[&str], account: &Path) -> String {
        let mut args = self.args(sub, account);
        args.retain(|a| a != "--json");
        let (ok, stdout, stderr) = cairn(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(ok, "cairn {sub:?} failed:\n{stderr}");
        stdout
    }

    /// The command must fail, saying `reason`.
    fn refused(&self, sub: &[&str], account: &Path, reason: &str) {
        let (ok, _, stderr) = cairn(&self.args(sub, account).iter().map(String::as_str).collect::<Vec<_>>());
        assert!(!ok && stderr.contains(reason), "cairn {sub:?} should fail with {reason}:\n{stderr}");
        eprintln!("  refused as it must be: cairn {}: {reason}", sub.join(" "));
    }
}

/// (contract, event name) of the events `cairn registry events` lists.
fn names(events: &serde_json::Value) -> Vec<(String, String)> {
    let list = events.as_array().unwrap_or_else(|| panic!("not a list: {events}"));
    list.iter()
        .map(|e| (e["contract"].as_str().unwrap().to_string(), e["name"].as_str().unwrap().to_string()))
        .collect()
}

fn expected(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(c, n)| (c.to_string(), n.to_string())).collect()
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "full tier: needs starknet-devnet (scripts/test.sh installs it)"]
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

    // Deploy the three contracts.
    let t = Instant::now();
    let toolchain = Toolchain::locate().expect("Cairo toolchain");
    let contracts = compile_contracts(&toolchain, &contracts_dir()).expect("compile the contracts");
    let compile_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let options = DeployOptions { verifiers: vec![owner.address()], test_token: None };
    let d = owner.deploy_all(&contracts, &options).await.expect("deploy");
    eprintln!("contracts compiled in {compile_s:.2}s, declared + deployed in {:.2}s", t.elapsed().as_secs_f64());
    for c in &contracts {
        if let Some(h) = d.classes.get(&c.name) {
            assert_eq!(h, &format!("{:#x}", c.class_hash));
            eprintln!("  class {:<14} {h} (compiled class {:#x})", c.name, c.compiled_class_hash);
        }
    }
    eprintln!(
        "  FactRegistry   {:#x}\n  ModelRegistry  {:#x}\n  Marketplace    {:#x}",
        d.fact_registry, d.model_registry, d.marketplace
    );
    assert!(owner.is_verifier(&d, owner.address()).await.unwrap());
    assert!(!owner.is_verifier(&d, provider.address()).await.unwrap());
    assert!(consumer.balance_of(STRK, consumer.address()).await.unwrap() > 10 * PRICE, "devnet funds its accounts");

    // Files for the CLI.
    let dir = tmp_path(&format!("registry-devnet-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let cli = Cli { url: node.url.clone(), deployment: dir.join("deployment.json") };
    d.write(&cli.deployment).unwrap();
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

    // Register the bundled MLP (provider), priced in STRK (CLI).
    let package = dir.join("mlp");
    json(&["transpile", "examples/mlp/model.onnx", "-o", s(&package), "--force", "--json"]);
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
    let model_id_s = model_id.to_string();
    let price_s = PRICE.to_string();
    let p = cli.run(&["registry", "set-price", &model_id_s, "--price", &price_s, "--token", "strk"], &provider_file);
    assert_eq!(p["token"], format!("{STRK:#x}"));
    refused(consumer.set_price(&d, model_id, STRK, 1).await, "NOT_MODEL_OWNER");
    let model = consumer.get_model(&d, model_id).await.unwrap();
    assert_eq!(
        (model.owner, model.name.as_str(), model.latest_version, model.price_token, model.price),
        (provider.address(), "cairn-mlp", 1, STRK, PRICE)
    );
    let versions = consumer.list_versions(&d, model_id).await.unwrap();
    assert_eq!(versions[0].program_hash, program_hash);
    assert_eq!(versions[0].metadata_uri, spec.metadata_uri);
    assert_eq!(versions[0].input_shape_hash, cairn_starknet::fact::shapes_hash(&spec.input_shapes));
    eprintln!("model {model_id} registered: program {program_hash:#x}, price {PRICE} FRI (0.25 STRK)");

    // Prove the inference locally and verify the proof.
    let proof = dir.join("run.proof");
    let t = Instant::now();
    // Verified below by program hash alone, so the proof carries its program.
    json(&["prove", s(&package), "--input", "examples/mlp/input.json", "-o", s(&proof), "--embed-program", "--json"]);
    let prove_s = t.elapsed().as_secs_f64();
    let bytes = std::fs::read(&proof).unwrap();
    let expected_hash = ProverFelt::from_starknet(&program_hash);
    let verified = cairn_prover::proof::verify(&bytes, Some(&expected_hash), 96).expect("the proof verifies");
    let segment: Vec<Felt> = verified.output.iter().map(ProverFelt::to_starknet).collect();
    let n_out = manifest.outputs.iter().map(|o| o.len()).sum();
    let inference = VerifiedInference::from_segment(verified.program_hash.to_starknet(), &segment, n_out).unwrap();
    let fact = inference.fact();
    eprintln!(
        "proved in {prove_s:.2}s (CLI); output {} cells, input {} cells; fact {fact:#x}",
        inference.outputs.len(),
        inference.inputs.len()
    );

    // STRK balances of (consumer, provider, marketplace). The fees of the
    // consumer's and the provider's own transactions are summed as they go.
    let balances = || async {
        let b = |who: Felt| consumer.balance_of(STRK, who);
        (b(consumer.address()).await.unwrap(), b(provider.address()).await.unwrap(), b(d.marketplace).await.unwrap())
    };
    let (mut consumer_fees, mut provider_fees) = (0u128, 0u128);
    let before = balances().await;

    // Request (consumer, CLI): the input commitment from the input file.
    let r = cli.run(
        &["registry", "request", &model_id_s, "--input", "examples/mlp/input.json", "--model", s(&package)],
        &consumer_file,
    );
    consumer_fees += fee(&r["transaction"]);
    let request_id = r["request_id"].as_u64().expect("request id");
    assert_eq!(
        r["input_hash"],
        format!("{:#x}", inference.input_hash()),
        "the CLI's input commitment is the proven input's"
    );
    let escrowed = balances().await;
    assert_eq!(escrowed, (before.0 - PRICE - consumer_fees, before.1, before.2 + PRICE));
    let request = consumer.get_request(&d, request_id).await.unwrap();
    assert_eq!(
        (request.status, request.version, request.program_hash, request.token, request.payment),
        (RequestStatus::Pending, 1, program_hash, STRK, PRICE)
    );

    // Refusals: no fact recorded yet; a provider that is not a verifier cannot
    // attest; the CLI says so before sending anything. (Refused calls fail at
    // fee estimation and cost nothing: the balances below would show it.)
    refused(provider.fulfil(&d, request_id, &inference.outputs).await, "INVALID_FACT");
    refused(provider.register_fact(&d, fact).await, "NOT_VERIFIER");
    let request_id_s = request_id.to_string();
    let fulfil_args = ["registry", "fulfil", &request_id_s, "--proof", s(&proof), "--model", s(&package)];
    let attest_args = ["registry", "attest", "--proof", s(&proof), "--model", s(&package)];
    cli.refused(&fulfil_args, &provider_file, "is not a verifier");

    // The verifier attests (CLI), the provider fulfils (CLI).
    let a = cli.run(&attest_args, &owner_file);
    assert_eq!(a["fact"], format!("{fact:#x}"));
    assert!(owner.is_fact_valid(&d, fact).await.unwrap());
    let f = cli.run(&fulfil_args, &provider_file);
    provider_fees += fee(&f["transaction"]);
    assert_eq!(f["fact"], format!("{fact:#x}"));
    assert!(f["fact_recorded"].is_null());
    let after = balances().await;
    assert_eq!(
        after,
        (before.0 - PRICE - consumer_fees, before.1 + PRICE - provider_fees, before.2),
        "the provider got paid from escrow"
    );

    // Anyone can read the output (library and CLI).
    assert_eq!(consumer.get_output(&d, request_id).await.unwrap(), inference.outputs);
    let request = consumer.get_request(&d, request_id).await.unwrap();
    assert_eq!((request.status, request.output_hash), (RequestStatus::Fulfilled, inference.output_hash()));
    let shown =
        cli.run(&["registry", "show", "--model-id", &model_id_s, "--request-id", &request_id_s], &consumer_file);
    let cells: Vec<String> = inference.outputs.iter().map(|c| format!("{c:#x}")).collect();
    assert_eq!(shown["output"], serde_json::json!(cells));
    assert_eq!(shown["model"]["name"], "cairn-mlp");
    refused(provider.fulfil(&d, request_id, &inference.outputs).await, "NOT_PENDING");

    // A second request that expires: no fulfilment after the deadline (even
    // with a valid fact), no refund before it, a refund after it.
    let now = consumer.block_timestamp().await.unwrap();
    let (late_id, receipt) =
        consumer.request_inference(&d, model_id, inference.input_hash(), now + 60).await.expect("request");
    consumer_fees += u128::try_from(receipt.fee).unwrap();
    assert_eq!(balances().await.0, before.0 - 2 * PRICE - consumer_fees);
    refused(consumer.refund(&d, late_id).await, "DEADLINE_NOT_PASSED");
    node.increase_time(3600).await.expect("devnet_increaseTime");
    refused(provider.fulfil(&d, late_id, &inference.outputs).await, "DEADLINE_PASSED");
    refused(provider.refund(&d, late_id).await, "NOT_CONSUMER");
    let refund = consumer.refund(&d, late_id).await.expect("refund");
    consumer_fees += u128::try_from(refund.fee).unwrap();
    assert_eq!(refund.events_named(d.marketplace, "InferenceRefunded").len(), 1);
    assert_eq!(consumer.get_request(&d, late_id).await.unwrap().status, RequestStatus::Refunded);
    let end = balances().await;
    assert_eq!(end, (before.0 - PRICE - consumer_fees, before.1 + PRICE - provider_fees, before.2));
    eprintln!(
        "request {request_id}: fulfilled; request {late_id}: refunded\n\
         STRK balances in FRI (consumer, provider, marketplace):\n  before           {before:?}\n  \
         escrowed         {escrowed:?}\n  after fulfilment {after:?}\n  after refund     {end:?}\n\
         fees paid: consumer {consumer_fees} FRI (2 requests, 1 refund), provider {provider_fees} FRI (1 fulfilment)"
    );

    let market_events = cli.run(&["registry", "events"], &consumer_file)["events"].clone();
    assert_eq!(
        names(&market_events),
        expected(&[
            ("FactRegistry", "VerifierAdded"),
            ("ModelRegistry", "ModelRegistered"),
            ("ModelRegistry", "VersionPublished"),
            ("ModelRegistry", "PriceSet"),
            ("Marketplace", "InferenceRequested"),
            ("FactRegistry", "FactRegistered"),
            ("Marketplace", "InferenceFulfilled"),
            ("Marketplace", "InferenceRequested"),
            ("Marketplace", "InferenceRefunded"),
        ]),
        "{market_events:#}"
    );
    let fulfilled = &market_events[6]["fields"];
    assert_eq!(
        (&fulfilled["request_id"], &fulfilled["fact"], &fulfilled["provider"]),
        (
            &serde_json::json!(request_id_s),
            &serde_json::json!(format!("{fact:#x}")),
            &serde_json::json!(format!("{:#x}", provider.address()))
        )
    );
    assert_eq!(market_events[1]["fields"]["name"], "cairn-mlp");
    let listing = cli.text(&["registry", "events"], &consumer_file);
    let fulfilled_line =
        listing.lines().find(|l| l.contains("InferenceFulfilled")).unwrap_or_else(|| panic!("{listing}"));
    assert!(fulfilled_line.contains(&format!("fact={fact:#x}")), "{fulfilled_line}");
    assert_eq!(listing.lines().count(), 9, "{listing}");
    assert_eq!(market_events[2]["fields"]["metadata_uri"], spec.metadata_uri);
    assert_eq!(market_events[4]["fields"]["payment"], price_s);

    let clients = [&owner, &provider, &consumer];
    let files = [&owner_file, &provider_file, &consumer_file];
    owners_side(&cli, &d, clients, files, &package, &proof, &inference, market_events).await;
    staged_model(&cli, &consumer, files, &dir).await;

    eprintln!("total {:.1}s", started.elapsed().as_secs_f64());
    let _ = std::fs::remove_dir_all(&dir);
}

/// New versions, verifiers, a new fact registry, deprecation and transfers,
/// each with the refusal it implies; then the events since `earlier`.
#[allow(clippy::too_many_arguments)]
async fn owners_side(
    cli: &Cli,
    d: &Deployment,
    [owner, provider, consumer]: [&Client; 3],
    [owner_file, provider_file, consumer_file]: [&PathBuf; 3],
    package: &Path,
    proof: &Path,
    inference: &VerifiedInference,
    earlier: serde_json::Value,
) {
    let model_id = 1u64;
    let model_id_s = model_id.to_string();

    // Version 2 (CLI); new requests pin it.
    let v2_uri = "https://example.org/cairn/examples/mlp/v2";
    let v = cli.run(&["registry", "publish", &model_id_s, s(package), "--metadata-uri", v2_uri], provider_file);
    assert_eq!(v["version"], 2);
    cli.refused(&["registry", "publish", &model_id_s, s(package)], consumer_file, "NOT_MODEL_OWNER");
    let versions = consumer.list_versions(d, model_id).await.unwrap();
    assert_eq!(versions.iter().map(|v| (v.version, v.metadata_uri.as_str())).collect::<Vec<_>>()[1], (2, v2_uri));
    assert_eq!(consumer.get_model(d, model_id).await.unwrap().latest_version, 2);

    // Verifiers come and go (owner, CLI); only the owner manages them.
    let provider_s = format!("{:#x}", provider.address());
    cli.refused(&["registry", "verifier", "add", &provider_s], provider_file, "NOT_OWNER");
    cli.run(&["registry", "verifier", "add", &provider_s], owner_file);
    let some_fact = Felt::from(0xfac7u64);
    provider.register_fact(d, some_fact).await.expect("an approved verifier records a fact");
    cli.run(&["registry", "verifier", "remove", &provider_s], owner_file);
    refused(provider.register_fact(d, Felt::from(0xfac8u64)).await, "NOT_VERIFIER");
    assert!(owner.is_fact_valid(d, some_fact).await.unwrap(), "facts outlive their verifier's approval");

    // The marketplace moves to a new fact registry (CLI; the deployment file
    // follows): facts of the old one no longer count.
    let last_block = earlier.as_array().unwrap().iter().filter_map(|e| e["block_number"].as_u64()).max().unwrap();
    let facts_v2 = owner
        .deploy("FactRegistry", Felt::from_hex(&d.classes["FactRegistry"]).unwrap(), vec![owner.address()])
        .await
        .expect("deploy a second fact registry");
    let facts_v2_s = format!("{facts_v2:#x}");
    cli.refused(&["registry", "set-fact-registry", &facts_v2_s], provider_file, "NOT_OWNER");
    cli.run(&["registry", "set-fact-registry", &facts_v2_s], owner_file);
    assert_eq!(Deployment::read(&cli.deployment).unwrap().fact_registry, facts_v2);
    assert_eq!(consumer.marketplace_fact_registry(d).await.unwrap(), facts_v2);

    let now = consumer.block_timestamp().await.unwrap();
    let (id, _) = consumer.request_inference(d, model_id, inference.input_hash(), now + 600).await.expect("request");
    let request = consumer.get_request(d, id).await.unwrap();
    assert_eq!((request.version, request.program_hash), (2, inference.program_hash));
    refused(provider.fulfil(d, id, &inference.outputs).await, "INVALID_FACT");
    let id_s = id.to_string();
    let fulfil_args = ["registry", "fulfil", &id_s, "--proof", s(proof), "--model", s(package)];
    cli.refused(&fulfil_args, provider_file, "is not a verifier");
    let owner_s = format!("{:#x}", owner.address());
    cli.run(&["registry", "verifier", "add", &owner_s], owner_file);
    cli.run(&["registry", "attest", "--proof", s(proof), "--model", s(package)], owner_file);
    cli.run(&fulfil_args, provider_file);
    assert_eq!(consumer.get_request(d, id).await.unwrap().status, RequestStatus::Fulfilled);

    // Deprecation (CLI): no new requests, no new versions.
    cli.refused(&["registry", "deprecate", &model_id_s], consumer_file, "NOT_MODEL_OWNER");
    cli.run(&["registry", "deprecate", &model_id_s], provider_file);
    assert!(consumer.get_model(d, model_id).await.unwrap().deprecated);
    refused(consumer.request_inference(d, model_id, inference.input_hash(), now + 600).await, "MODEL_DEPRECATED");
    cli.refused(&["registry", "publish", &model_id_s, s(package)], provider_file, "MODEL_DEPRECATED");

    // Transfers (CLI): the model to the consumer, the marketplace to the provider.
    let consumer_s = format!("{:#x}", consumer.address());
    cli.run(&["registry", "transfer", "--model-id", &model_id_s, "--to", &consumer_s], provider_file);
    assert_eq!(consumer.get_model(d, model_id).await.unwrap().owner, consumer.address());
    refused(provider.set_price(d, model_id, STRK, 1).await, "NOT_MODEL_OWNER");
    consumer.set_price(d, model_id, STRK, 1).await.expect("the new owner sets the price");
    cli.run(&["registry", "transfer", "--contract", "marketplace", "--to", &provider_s], owner_file);
    assert_eq!(consumer.owner_of(d, Owned::Marketplace).await.unwrap(), provider.address());
    assert_eq!(consumer.owner_of(d, Owned::FactRegistry).await.unwrap(), owner.address());
    refused(owner.set_fact_registry(d, d.fact_registry).await, "NOT_OWNER");

    // The events since the market part, from the contracts the deployment
    // file now names (the second fact registry's, not the first's).
    let from = (last_block + 1).to_string();
    let later = cli.run(&["registry", "events", "--from-block", &from], consumer_file)["events"].clone();
    assert_eq!(
        names(&later),
        expected(&[
            ("ModelRegistry", "VersionPublished"),
            ("Marketplace", "FactRegistrySet"),
            ("Marketplace", "InferenceRequested"),
            ("FactRegistry", "VerifierAdded"),
            ("FactRegistry", "FactRegistered"),
            ("Marketplace", "InferenceFulfilled"),
            ("ModelRegistry", "ModelDeprecated"),
            ("ModelRegistry", "ModelOwnershipTransferred"),
            ("ModelRegistry", "PriceSet"),
            ("Marketplace", "OwnershipTransferred"),
        ]),
        "{later:#}"
    );
    eprintln!("owners' side: version 2, verifiers, new fact registry {facts_v2:#x}, deprecation, transfers: done");
    let all = cli.run(&["registry", "events"], consumer_file)["events"].clone();
    eprintln!("{} events in all; the last: {}", all.as_array().unwrap().len(), all.as_array().unwrap().last().unwrap());
}

/// A staged model through the market (CLI): registered under its model hash,
/// a request committing to the first stage's input cells, a bundle attested
/// and fulfilled with the fact H(model hash, input, output); a bundle with its
/// stages reordered is refused before anything is sent.
async fn staged_model(
    cli: &Cli,
    consumer: &Client,
    [owner_file, provider_file, consumer_file]: [&PathBuf; 3],
    dir: &Path,
) {
    let d = Deployment::read(&cli.deployment).unwrap();
    let staged = dir.join("mlp-staged");
    let (ok, _, stderr) =
        cairn(&["transpile", "examples/mlp/model.onnx", "-o", s(&staged), "--stages", "2", "--force"]);
    assert!(ok, "{stderr}");
    let package = cairn::StagedPackage::open(&staged).unwrap();
    let model_hash = Felt::from_hex(package.manifest().model_hash.as_deref().expect("compiled")).unwrap();

    let r = cli.run(
        &["registry", "register", s(&staged), "--name", "cairn-mlp-staged", "--price", "1", "--token", "strk"],
        provider_file,
    );
    assert_eq!(r["program_hash"], format!("{model_hash:#x}"), "a staged model is registered under its model hash");
    let model_id = r["model_id"].as_u64().expect("model id");
    assert_eq!(consumer.list_versions(&d, model_id).await.unwrap()[0].program_hash, model_hash);

    let input = "examples/mlp/input.json";
    let q = cli
        .run(&["registry", "request", &model_id.to_string(), "--input", input, "--model", s(&staged)], consumer_file);
    let request_id = q["request_id"].as_u64().expect("request id").to_string();

    let bundle = dir.join("mlp-staged.bundle");
    let (ok, _, stderr) = cairn(&["prove", s(&staged), "--input", input, "-o", s(&bundle)]);
    assert!(ok, "{stderr}");
    let bytes = std::fs::read(&bundle).unwrap();
    let expected = cairn::bundle::ExpectedModel::Package(package.clone());
    let verified = cairn::bundle::verify_bundle(&bytes, &expected, cairn::VerifyPolicy::default()).expect("verifies");
    let proven = cairn::market::proven_bundle(&verified);
    assert_eq!(q["input_hash"], format!("{:#x}", proven.input_hash()), "the request commits to the bundle's input");
    let fact = proven.fact();
    assert_eq!(fact, cairn_starknet::fact::inference_fact(model_hash, proven.input_hash(), proven.output_hash()));

    // stages reordered: refused before anything is sent
    let mut reordered = cairn::bundle::Bundle::parse(&bytes).unwrap();
    reordered.stages.reverse();
    let bad = dir.join("mlp-staged-reordered.bundle");
    std::fs::write(&bad, reordered.to_bytes()).unwrap();
    cli.refused(
        &["registry", "attest", "--proof", s(&bad), "--model", s(&staged)],
        owner_file,
        "not a valid proof bundle",
    );

    let a = cli.run(&["registry", "attest", "--proof", s(&bundle), "--model", s(&staged)], owner_file);
    assert_eq!(a["fact"], format!("{fact:#x}"));
    let f = cli.run(&["registry", "fulfil", &request_id, "--proof", s(&bundle), "--model", s(&staged)], provider_file);
    assert_eq!(f["fact"], format!("{fact:#x}"));
    let id: u64 = request_id.parse().unwrap();
    assert_eq!(consumer.get_request(&d, id).await.unwrap().status, RequestStatus::Fulfilled);
    assert_eq!(consumer.get_output(&d, id).await.unwrap(), proven.outputs, "the bundle's output is on chain");
    eprintln!("staged model {model_id} ({model_hash:#x}): request {id} fulfilled with fact {fact:#x}");
}
