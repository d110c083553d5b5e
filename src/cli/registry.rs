//! `cairn registry …`: the Starknet side from the command line. Thin: the
//! work is in `cairn_starknet::client`; this reads files, verifies proofs
//! locally and prints.

use std::future::Future;
use std::path::Path;

use anyhow::{bail, Context, Result};
use cairn_prover::field::Felt as ProverFelt;
use cairn_runtime::cairo::{Felt, Toolchain};
use cairn_starknet::client::{
    AccountKey, Client, DeployOptions, Deployment, ModelSpec, Receipt, VerifiedInference, STRK,
};
use cairn_starknet::fact::cells_hash;
use cairn_starknet::{compile_contracts, contracts_dir};
use cairn_transpiler::cairo_backend::{encode_inputs, i64_of, read_manifest};
use serde::Serialize;
use serde_json::json;

use super::commands::{
    NodeArgs, RegistryArgs, RegistryCommand, RegistryDeployArgs, RegistryFulfilArgs, RegistryProofArgs,
    RegistryRefundArgs, RegistryRegisterArgs, RegistryRequestArgs, RegistryShowArgs,
};
use super::execute::{bind_all, target};
use super::{progress, registry_admin};

pub fn registry(args: RegistryArgs) -> Result<()> {
    match args.command {
        RegistryCommand::Deploy(a) => deploy(a),
        RegistryCommand::Register(a) => register(a),
        RegistryCommand::Request(a) => request(a),
        RegistryCommand::Attest(a) => attest(a),
        RegistryCommand::Fulfil(a) => fulfil(a),
        RegistryCommand::Refund(a) => refund(a),
        RegistryCommand::Show(a) => show(a),
        RegistryCommand::Publish(a) => registry_admin::publish(a),
        RegistryCommand::SetPrice(a) => registry_admin::set_price(a),
        RegistryCommand::Deprecate(a) => registry_admin::deprecate(a),
        RegistryCommand::Transfer(a) => registry_admin::transfer(a),
        RegistryCommand::Verifier(a) => registry_admin::verifier(a),
        RegistryCommand::SetFactRegistry(a) => registry_admin::set_fact_registry(a),
        RegistryCommand::Events(a) => registry_admin::events(a),
    }
}

/// Runs one async step on a single-threaded runtime, with progress on stderr.
pub(super) fn block_on<T>(
    label: &str,
    quiet: bool,
    work: impl Future<Output = Result<T, cairn_starknet::StarknetError>>,
) -> Result<T> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    Ok(progress::step(label, quiet, || runtime.block_on(work))?)
}

pub(super) fn account(node: &NodeArgs) -> Result<AccountKey> {
    match &node.account {
        Some(path) => Ok(AccountKey::from_file(path)?),
        None => match AccountKey::from_env() {
            Some(key) => Ok(key?),
            None => bail!(
                "no account: pass --account <file> ({{\"address\": \"0x…\", \"private_key\": \"0x…\"}}) \
                 or set CAIRN_ACCOUNT_ADDRESS and CAIRN_ACCOUNT_KEY"
            ),
        },
    }
}

fn connect(node: &NodeArgs) -> Result<Client> {
    let key = account(node)?;
    block_on("connecting to the node", true, Client::connect(&node.rpc, &key))
}

/// Reads the deployment file, then connects and checks that the node is on
/// the deployment's chain (a missing file is reported without touching the network).
pub(super) fn open(node: &NodeArgs) -> Result<(Client, Deployment)> {
    let d = Deployment::read(&node.deployment).context("run `cairn registry deploy` first, or pass --deployment")?;
    let client = connect(node)?;
    if d.chain_id != client.chain_id() {
        bail!(
            "{} is for chain {:#x}, the node at {} is chain {:#x}",
            node.deployment.display(),
            d.chain_id,
            node.rpc,
            client.chain_id()
        );
    }
    Ok((client, d))
}

pub(super) fn felt(text: &str, what: &str) -> Result<Felt> {
    Felt::from_hex(text.trim()).map_err(|_| anyhow::anyhow!("{what} {text:?} is not a hex field element"))
}

/// A token address, or `STRK` for Starknet's fee token.
pub(super) fn token(text: &str) -> Result<Felt> {
    if text.trim().eq_ignore_ascii_case("strk") {
        Ok(STRK)
    } else {
        felt(text, "--token")
    }
}

/// What every transaction report carries: its hash and the fee paid (in FRI,
/// STRK's smallest unit, as a decimal string).
pub(super) fn tx(receipt: &Receipt) -> serde_json::Value {
    json!({"hash": format!("{:#x}", receipt.transaction_hash), "fee_fri": receipt.fee.to_string()})
}

pub(super) fn print<T: Serialize>(json: bool, value: &T, text: impl FnOnce() -> String) -> Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(value)?);
    } else {
        print!("{}", text());
    }
    Ok(())
}

fn deploy(args: RegistryDeployArgs) -> Result<()> {
    let quiet = args.node.json;
    let client = connect(&args.node)?;
    let toolchain = Toolchain::locate()?;
    let contracts =
        progress::step("compiling the contracts", quiet, || compile_contracts(&toolchain, &contracts_dir()))?;
    let mut verifiers = vec![client.address()];
    for v in &args.verifier {
        verifiers.push(felt(v, "--verifier")?);
    }
    let options = DeployOptions { verifiers, test_token: args.test_token.map(|supply| (client.address(), supply)) };
    let d = block_on("declaring and deploying", quiet, client.deploy_all(&contracts, &options))?;
    d.write(&args.node.deployment)?;
    print(args.node.json, &d, || {
        let mut out = format!("deployed on chain {:#x} (written to {})\n", d.chain_id, args.node.deployment.display());
        out += &format!(
            "  FactRegistry   {:#x}\n  ModelRegistry  {:#x}\n  Marketplace    {:#x}\n",
            d.fact_registry, d.model_registry, d.marketplace
        );
        if let Some(t) = d.test_token {
            out += &format!("  TestToken      {t:#x}\n");
        }
        out
    })
}

/// A model version as the package's manifest describes it.
pub(super) fn model_spec(package: &Path, name: String, metadata_uri: &str) -> Result<ModelSpec> {
    let manifest = read_manifest(package)?;
    let Some(hash) = &manifest.program_hash else {
        bail!("{} has no program hash; compile it (`cairn transpile` without --no-compile)", package.display());
    };
    Ok(ModelSpec {
        name,
        program_hash: felt(hash, "the manifest's program hash")?,
        metadata_uri: metadata_uri.to_string(),
        input_shapes: manifest.inputs.iter().map(|i| i.shape.clone()).collect(),
        output_shapes: manifest.outputs.iter().map(|o| o.shape.clone()).collect(),
        scale: u8::try_from(manifest.scale).context("scale")?,
    })
}

fn register(args: RegistryRegisterArgs) -> Result<()> {
    let quiet = args.node.json;
    let name = match &args.name {
        Some(n) => n.clone(),
        None => dir_name(&args.package)?,
    };
    let spec = model_spec(&args.package, name, &args.metadata_uri)?;
    let price_token = args.token.as_deref().map(token).transpose()?;
    let (client, d) = open(&args.node)?;
    let (model_id, receipt) = block_on("registering the model", quiet, client.register_model(&d, &spec))?;
    let mut price = None;
    if let (Some(amount), Some(token)) = (args.price, price_token) {
        let r = block_on("setting the price", quiet, client.set_price(&d, model_id, token, amount))?;
        price = Some(json!({"token": format!("{token:#x}"), "amount": amount.to_string(), "transaction": tx(&r)}));
    }
    let report = json!({
        "model_id": model_id,
        "name": spec.name,
        "program_hash": format!("{:#x}", spec.program_hash),
        "transaction": tx(&receipt),
        "price": price,
    });
    print(args.node.json, &report, || {
        format!("registered model {model_id} ({}), program {:#x}\n", spec.name, spec.program_hash)
    })
}

fn dir_name(path: &Path) -> Result<String> {
    let canonical = path.canonicalize().with_context(|| path.display().to_string())?;
    Ok(canonical.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
}

fn request(args: RegistryRequestArgs) -> Result<()> {
    let quiet = args.node.json;
    let input_hash = match (&args.input_hash, &args.input, &args.model) {
        (Some(h), _, _) => felt(h, "--input-hash")?,
        (None, Some(input), Some(model)) => {
            let t = target(model)?;
            let Some((_, manifest)) = &t.package else {
                bail!("--model must be a package directory (`cairn transpile`)")
            };
            let samples = bind_all(&t.net, input)?;
            let [sample] = samples.as_slice() else {
                bail!("{} holds {} samples; a request is for one", input.display(), samples.len());
            };
            cells_hash(&encode_inputs(manifest, sample)?)
        }
        _ => bail!("give --input with --model, or --input-hash"),
    };
    let (client, d) = open(&args.node)?;
    let now = block_on("reading the time", true, client.block_timestamp())?;
    let deadline = now + args.deadline;
    let (request_id, receipt) =
        block_on("requesting the inference", quiet, client.request_inference(&d, args.model_id, input_hash, deadline))?;
    let report = json!({
        "request_id": request_id,
        "model_id": args.model_id,
        "input_hash": format!("{input_hash:#x}"),
        "deadline": deadline,
        "transaction": tx(&receipt),
    });
    print(args.node.json, &report, || {
        format!("request {request_id} for model {} (input {input_hash:#x}), deadline {deadline}\n", args.model_id)
    })
}

/// Verifies a proof against the package's program and splits its output.
fn verified(args: &RegistryProofArgs) -> Result<VerifiedInference> {
    let manifest = read_manifest(&args.model)?;
    let Some(hash) = &manifest.program_hash else {
        bail!("{} has no program hash; compile it", args.model.display());
    };
    let expected = ProverFelt::from_hex(hash).with_context(|| format!("bad program hash {hash:?}"))?;
    let bytes = super::prove::read_proof_file(&args.proof)?;
    let v = progress::step("verifying the proof", args.node.json, || {
        super::prove::verify_bytes(&bytes, Some(&expected), &args.security)
    })
    .with_context(|| format!("{} is not a valid proof", args.proof.display()))?;
    let segment: Vec<Felt> = v.output.iter().map(ProverFelt::to_starknet).collect();
    let n_out = manifest.outputs.iter().map(|o| o.len()).sum();
    Ok(VerifiedInference::from_segment(v.program_hash.to_starknet(), &segment, n_out)?)
}

fn attest(args: RegistryProofArgs) -> Result<()> {
    let inference = verified(&args)?;
    let (client, d) = open(&args.node)?;
    let fact = inference.fact();
    let receipt = block_on("recording the fact", args.node.json, client.register_fact(&d, fact))?;
    let report = json!({
        "fact": format!("{fact:#x}"),
        "program_hash": format!("{:#x}", inference.program_hash),
        "input_hash": format!("{:#x}", inference.input_hash()),
        "output_hash": format!("{:#x}", inference.output_hash()),
        "transaction": tx(&receipt),
    });
    print(args.node.json, &report, || format!("recorded fact {fact:#x}\n"))
}

fn fulfil(args: RegistryFulfilArgs) -> Result<()> {
    let node = &args.proof.node;
    let inference = verified(&args.proof)?;
    let (client, d) = open(node)?;
    let f = block_on("fulfilling the request", node.json, client.fulfil_verified(&d, args.request_id, &inference))?;
    let report = json!({
        "request_id": args.request_id,
        "fact": format!("{:#x}", f.fact),
        "fact_recorded": f.fact_recorded.as_ref().map(tx),
        "output_cells": inference.outputs.len(),
        "transaction": tx(&f.receipt),
    });
    print(node.json, &report, || {
        let recorded = if f.fact_recorded.is_some() { " (fact recorded by this account)" } else { "" };
        format!("fulfilled request {} with fact {:#x}{recorded}\n", args.request_id, f.fact)
    })
}

fn refund(args: RegistryRefundArgs) -> Result<()> {
    let (client, d) = open(&args.node)?;
    let receipt = block_on("refunding", args.node.json, client.refund(&d, args.request_id))?;
    let report = json!({"request_id": args.request_id, "transaction": tx(&receipt)});
    print(args.node.json, &report, || format!("refunded request {}\n", args.request_id))
}

fn show(args: RegistryShowArgs) -> Result<()> {
    let (client, d) = open(&args.node)?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let mut report = json!({"deployment": d});
    let mut text = format!(
        "chain {:#x}\n  FactRegistry   {:#x}\n  ModelRegistry  {:#x}\n  Marketplace    {:#x}\n",
        d.chain_id, d.fact_registry, d.model_registry, d.marketplace
    );
    if let Some(id) = args.model_id {
        let model = runtime.block_on(client.get_model(&d, id))?;
        let versions = runtime.block_on(client.list_versions(&d, id))?;
        text += &format!(
            "model {id} {:?}: owner {:#x}, latest version {}, price {} of token {:#x}{}\n",
            model.name,
            model.owner,
            model.latest_version,
            model.price,
            model.price_token,
            if model.deprecated { ", deprecated" } else { "" }
        );
        for v in &versions {
            text += &format!(
                "  v{}: program {:#x}, scale {}, metadata {:?}\n",
                v.version, v.program_hash, v.scale, v.metadata_uri
            );
        }
        report["model"] = serde_json::to_value(&model)?;
        report["versions"] = serde_json::to_value(&versions)?;
    }
    if let Some(id) = args.request_id {
        let request = runtime.block_on(client.get_request(&d, id))?;
        text += &format!(
            "request {id}: model {} v{}, consumer {:#x}, {:?}, payment {}, deadline {}, input {:#x}\n",
            request.model_id,
            request.version,
            request.consumer,
            request.status,
            request.payment,
            request.deadline,
            request.input_hash
        );
        if request.status == cairn_starknet::client::RequestStatus::Fulfilled {
            let output = runtime.block_on(client.get_output(&d, id))?;
            let cells: Vec<String> = output.iter().map(|c| format!("{c:#x}")).collect();
            // As the fixed-point integers they are (a negative q is p − |q|).
            let ints: Vec<String> =
                output.iter().map(|c| i64_of(c).map_or_else(|| format!("{c:#x}"), |q| q.to_string())).collect();
            text += &format!("  output ({} cells, hash {:#x}): {}\n", cells.len(), request.output_hash, ints.join(" "));
            report["output"] = json!(cells);
        }
        report["request"] = serde_json::to_value(&request)?;
    }
    print(args.node.json, &report, || text)
}
