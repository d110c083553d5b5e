//! What the registry commands share: running async calls with progress,
//! the account and the node, parsing felts, and printing reports.

use std::future::Future;
use std::path::Path;

use anyhow::{bail, Context, Result};
use cairn::{Felt, Package};
use cairn_starknet::client::{AccountKey, Client, Deployment, ModelSpec};
use serde::Serialize;

use crate::cli::commands::NodeArgs;
use crate::cli::progress;

/// Runs one async step on a single-threaded runtime, with progress on stderr.
pub fn block_on<T>(
    label: &str,
    quiet: bool,
    work: impl Future<Output = Result<T, cairn_starknet::StarknetError>>,
) -> Result<T> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    Ok(progress::step(label, quiet, || runtime.block_on(work))?)
}

pub fn account(node: &NodeArgs) -> Result<AccountKey> {
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

pub fn connect(node: &NodeArgs) -> Result<Client> {
    let key = account(node)?;
    block_on("connecting to the node", true, Client::connect(&node.rpc, &key))
}

/// Reads the deployment file, then connects and checks that the node is on
/// the deployment's chain (a missing file is reported without touching the network).
pub fn open(node: &NodeArgs) -> Result<(Client, Deployment)> {
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

pub fn felt(text: &str, what: &str) -> Result<Felt> {
    Felt::from_hex(text.trim()).map_err(|_| anyhow::anyhow!("{what} {text:?} is not a hex field element"))
}

/// A token address, or `STRK` for Starknet's fee token.
pub fn token(text: &str) -> Result<Felt> {
    cairn::market::token_address(text)
        .ok_or_else(|| anyhow::anyhow!("--token {text:?} is not a hex field element (nor STRK)"))
}

pub fn print<T: Serialize>(json: bool, value: &T, text: impl FnOnce() -> String) -> Result<()> {
    if json {
        crate::cli::json::print(value)?;
    } else {
        print!("{}", text());
    }
    Ok(())
}

/// A model version as the package's manifest describes it.
pub fn model_spec(package: &Path, name: String, metadata_uri: &str) -> Result<ModelSpec> {
    if cairn::staged::is_staged(package) {
        let staged = cairn::StagedPackage::open(package)?;
        return Ok(cairn::market::staged_model_spec(&staged, name, metadata_uri)?);
    }
    Ok(cairn::market::model_spec(&Package::open(package)?, name, metadata_uri)?)
}
