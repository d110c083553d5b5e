//! The market flow: deploy the contracts, register a model, request an
//! inference, attest or fulfil it with a locally verified proof, refund,
//! show.

use std::path::Path;

use anyhow::{bail, Context, Result};
use cairn::cairo::Toolchain;
use cairn::market::reports;
use cairn::transpiler::io::i64_of;
use cairn::{Expected, Package};
use cairn_starknet::client::{DeployOptions, VerifiedInference};
use cairn_starknet::compile_contracts;
use serde_json::json;

use super::common::{block_on, connect, felt, model_spec, open, print, token};
use crate::cli::commands::{
    RegistryDeployArgs, RegistryFulfilArgs, RegistryProofArgs, RegistryRefundArgs, RegistryRegisterArgs,
    RegistryRequestArgs, RegistryShowArgs,
};
use crate::cli::{progress, target, verify};

pub fn deploy(args: RegistryDeployArgs) -> Result<()> {
    let quiet = args.node.json;
    let client = connect(&args.node)?;
    let toolchain = Toolchain::locate()?;
    // The sources this binary carries, not the repository's: deploy works anywhere.
    let sources = cairn_starknet::deployable_contracts_dir()?;
    let contracts = progress::step("compiling the contracts", quiet, || compile_contracts(&toolchain, &sources))?;
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

pub fn register(args: RegistryRegisterArgs) -> Result<()> {
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
        price = Some((token, amount, r));
    }
    let price = price.as_ref().map(|(token, amount, r)| (*token, *amount, r));
    let report = reports::registered(model_id, &spec, &receipt, price);
    print(args.node.json, &report, || {
        format!("registered model {model_id} ({}), program {:#x}\n", spec.name, spec.program_hash)
    })
}

fn dir_name(path: &Path) -> Result<String> {
    let canonical = path.canonicalize().with_context(|| path.display().to_string())?;
    Ok(canonical.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
}

pub fn request(args: RegistryRequestArgs) -> Result<()> {
    let quiet = args.node.json;
    let input_hash = match (&args.input_hash, &args.input, &args.model) {
        (Some(h), _, _) => felt(h, "--input-hash")?,
        (None, Some(input), Some(model)) if cairn::staged::is_staged(model) => {
            let staged = cairn::StagedPackage::open(model)?;
            let samples = target::samples(&staged.model()?, input)?;
            let [sample] = samples.as_slice() else {
                bail!("{} holds {} samples; a request is for one", input.display(), samples.len());
            };
            cairn::market::staged_input_commitment(&staged, sample)?
        }
        (None, Some(input), Some(model)) => {
            let t = target::target(model)?;
            let Some(package) = &t.package else { bail!("--model must be a package directory (`cairn transpile`)") };
            let samples = target::samples(&t.model, input)?;
            let [sample] = samples.as_slice() else {
                bail!("{} holds {} samples; a request is for one", input.display(), samples.len());
            };
            cairn::market::input_commitment(package, sample)?
        }
        _ => bail!("give --input with --model, or --input-hash"),
    };
    let (client, d) = open(&args.node)?;
    let now = block_on("reading the time", true, client.block_timestamp())?;
    let deadline = now + args.deadline;
    let (request_id, receipt) =
        block_on("requesting the inference", quiet, client.request_inference(&d, args.model_id, input_hash, deadline))?;
    let report = reports::requested(request_id, args.model_id, input_hash, deadline, &receipt);
    print(args.node.json, &report, || {
        format!("request {request_id} for model {} (input {input_hash:#x}), deadline {deadline}\n", args.model_id)
    })
}

/// Verifies a proof against the package's program and splits its output;
/// a bundle against a staged package's stage programs.
fn verified(args: &RegistryProofArgs) -> Result<VerifiedInference> {
    if cairn::staged::is_staged(&args.model) {
        let staged = cairn::StagedPackage::open(&args.model)?;
        let expected = cairn::bundle::ExpectedModel::Package(staged.compile()?.package().clone());
        let bytes = verify::read_proof_file(&args.proof)?;
        let policy = verify::policy(&args.security);
        let v = progress::step("verifying the bundle", args.node.json, || {
            cairn::bundle::verify_bundle(&bytes, &expected, policy)
        })
        .with_context(|| format!("{} is not a valid proof bundle", args.proof.display()))?;
        return Ok(cairn::market::proven_bundle(&v));
    }
    let package = Package::open(&args.model)?;
    let expected = Expected::package(package.clone())?;
    let bytes = verify::read_proof_file(&args.proof)?;
    let policy = verify::policy(&args.security);
    let v = progress::step("verifying the proof", args.node.json, || cairn::verify(&bytes, &expected, policy))
        .with_context(|| format!("{} is not a valid proof", args.proof.display()))?;
    Ok(cairn::market::proven_inference(&v, &package)?)
}

pub fn attest(args: RegistryProofArgs) -> Result<()> {
    let inference = verified(&args)?;
    let (client, d) = open(&args.node)?;
    let fact = inference.fact();
    let receipt = block_on("recording the fact", args.node.json, client.register_fact(&d, fact))?;
    let report = reports::attested(&inference, &receipt);
    print(args.node.json, &report, || format!("recorded fact {fact:#x}\n"))
}

pub fn fulfil(args: RegistryFulfilArgs) -> Result<()> {
    let node = &args.proof.node;
    let inference = verified(&args.proof)?;
    let (client, d) = open(node)?;
    let f = block_on("fulfilling the request", node.json, client.fulfil_verified(&d, args.request_id, &inference))?;
    let report = reports::fulfilled(args.request_id, &inference, &f);
    print(node.json, &report, || {
        let recorded = if f.fact_recorded.is_some() { " (fact recorded by this account)" } else { "" };
        format!("fulfilled request {} with fact {:#x}{recorded}\n", args.request_id, f.fact)
    })
}

pub fn refund(args: RegistryRefundArgs) -> Result<()> {
    let (client, d) = open(&args.node)?;
    let receipt = block_on("refunding", args.node.json, client.refund(&d, args.request_id))?;
    let report = reports::refunded(args.request_id, &receipt);
    print(args.node.json, &report, || format!("refunded request {}\n", args.request_id))
}

pub fn show(args: RegistryShowArgs) -> Result<()> {
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
