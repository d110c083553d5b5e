//! `_cairn.Registry`: one account on a Starknet node and a deployment of the
//! registry contracts (written by `cairn registry deploy`). Every call
//! returns its report as JSON text, in the layout `cairn registry … --json`
//! prints (docs/json.md); `python/cairn/_registry.py` turns it into dicts.
//!
//! Proofs are verified locally, against the package, before anything is
//! sent: a request is fulfilled only with outputs a valid proof established.

use std::future::Future;
use std::path::PathBuf;

use cairn::market::reports;
use cairn::market::starknet::client::{AccountKey, Client, DeployOptions, Deployment};
use cairn::market::starknet::StarknetError;
use cairn::{Expected, Felt, VerifyPolicy};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use serde_json::{json, Value};

use crate::errors::{InputError, IntoPy};
use crate::model::PySamples;
use crate::package::Package;
use crate::work::detached;

#[pyclass(frozen, module = "cairn._cairn")]
pub struct Registry {
    client: Client,
    deployment: Deployment,
    runtime: tokio::runtime::Runtime,
    rpc: String,
}

fn felt(text: &str, what: &str) -> PyResult<Felt> {
    Felt::from_hex(text.trim()).map_err(|_| InputError::new_err(format!("{what} {text:?} is not a hex field element")))
}

/// An ERC-20 token address, or `STRK` for Starknet's fee token.
fn token(text: &str) -> PyResult<Felt> {
    cairn::market::token_address(text)
        .ok_or_else(|| InputError::new_err(format!("token {text:?} is neither STRK nor a hex field element")))
}

fn to_text(v: Value) -> PyResult<String> {
    serde_json::to_string(&v).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

impl Registry {
    /// Runs one contract call without the GIL.
    fn call<T: Send>(
        &self,
        py: Python<'_>,
        work: impl Future<Output = Result<T, StarknetError>> + Send,
    ) -> PyResult<T> {
        let runtime = &self.runtime;
        detached(py, move || runtime.block_on(work).map_err(cairn::Error::from))?.py_err()
    }

    /// Verifies `proof` against `package` (locally, at `min_security_bits`)
    /// and splits it into the inference its fact binds.
    fn proven(
        &self,
        py: Python<'_>,
        proof: &[u8],
        package: &Package,
        min_security_bits: u32,
    ) -> PyResult<cairn::market::starknet::client::VerifiedInference> {
        let package = package.inner.clone();
        let policy = VerifyPolicy { min_security: min_security_bits, accept_weak: false };
        detached(py, move || {
            let expected = Expected::package(package.clone())?;
            let verified = cairn::verify(proof, &expected, policy)?;
            cairn::market::proven_inference(&verified, &package)
        })?
        .py_err()
    }
}

/// The account from a file, an (address, key) pair, or the environment.
fn account_key(file: Option<PathBuf>, address: Option<&str>, private_key: Option<&str>) -> PyResult<AccountKey> {
    match (file, address, private_key) {
        (Some(path), None, None) => AccountKey::from_file(&path).map_err(cairn::Error::from).py_err(),
        (None, Some(a), Some(k)) => Ok(AccountKey::new(felt(a, "address")?, felt(k, "private_key")?)),
        (None, None, None) => match AccountKey::from_env() {
            Some(key) => key.map_err(cairn::Error::from).py_err(),
            None => Err(InputError::new_err(
                "no account: give account=<file> ({\"address\": \"0x…\", \"private_key\": \"0x…\"}) or \
                 account=(address, private_key), or set CAIRN_ACCOUNT_ADDRESS and CAIRN_ACCOUNT_KEY",
            )),
        },
        _ => Err(InputError::new_err("give the account as a file or as (address, private_key), not both")),
    }
}

/// A current-thread runtime and the account connected to the node at `rpc`.
fn connect(py: Python<'_>, rpc: &str, key: &AccountKey) -> PyResult<(tokio::runtime::Runtime, Client)> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start an async runtime: {e}")))?;
    let client = {
        let runtime = &runtime;
        detached(py, move || runtime.block_on(Client::connect(rpc, key)).map_err(cairn::Error::from))?.py_err()?
    };
    Ok((runtime, client))
}

/// Compiles the contracts this build carries, declares and deploys them with
/// the account (their owner, and an approved verifier with `verifiers`), and
/// writes the deployment file; returns the deployment as JSON.
#[pyfunction]
#[pyo3(signature = (rpc, deployment, verifiers, test_token=None, account_file=None, address=None, private_key=None))]
#[allow(clippy::too_many_arguments)]
pub fn deploy(
    py: Python<'_>,
    rpc: String,
    deployment: PathBuf,
    verifiers: Vec<String>,
    test_token: Option<u128>,
    account_file: Option<PathBuf>,
    address: Option<&str>,
    private_key: Option<&str>,
) -> PyResult<String> {
    let key = account_key(account_file, address, private_key)?;
    let mut approved = vec![key.address];
    for v in &verifiers {
        approved.push(felt(v, "verifier")?);
    }
    let (runtime, client) = connect(py, &rpc, &key)?;
    let options = DeployOptions { verifiers: approved, test_token: test_token.map(|supply| (key.address, supply)) };
    let (runtime, client) = (&runtime, &client);
    let d = detached(py, move || -> cairn::Result<Deployment> {
        let toolchain = cairn::cairo::Toolchain::locate()?;
        let sources = cairn::market::starknet::deployable_contracts_dir()?;
        let contracts = cairn::market::starknet::compile_contracts(&toolchain, &sources)?;
        let d = runtime.block_on(client.deploy_all(&contracts, &options))?;
        d.write(&deployment)?;
        Ok(d)
    })?
    .py_err()?;
    to_text(json!(d))
}

#[pymethods]
impl Registry {
    /// Connects `account` to the node at `rpc` and reads the deployment file;
    /// the node must be on the deployment's chain. The account is a file
    /// (`{"address", "private_key"}`), an `(address, private_key)` pair given
    /// as `address` and `private_key`, or — with neither — the
    /// `CAIRN_ACCOUNT_ADDRESS` and `CAIRN_ACCOUNT_KEY` variables.
    #[new]
    #[pyo3(signature = (rpc, deployment, account_file=None, address=None, private_key=None))]
    fn new(
        py: Python<'_>,
        rpc: String,
        deployment: PathBuf,
        account_file: Option<PathBuf>,
        address: Option<&str>,
        private_key: Option<&str>,
    ) -> PyResult<Registry> {
        let key = account_key(account_file, address, private_key)?;
        // Read before the network is touched: a missing file is the caller's to fix.
        let deployment = Deployment::read(&deployment).map_err(cairn::Error::from).py_err()?;
        let (runtime, client) = connect(py, &rpc, &key)?;
        if client.chain_id() != deployment.chain_id {
            return Err(InputError::new_err(format!(
                "the deployment is for chain {:#x}, the node at {rpc} is chain {:#x}",
                deployment.chain_id,
                client.chain_id()
            )));
        }
        Ok(Registry { client, deployment, runtime, rpc })
    }

    /// The account's address (hex).
    #[getter]
    fn address(&self) -> String {
        format!("{:#x}", self.client.address())
    }

    /// The deployment's contract addresses, as JSON.
    fn deployment(&self) -> PyResult<String> {
        to_text(json!(self.deployment))
    }

    fn __repr__(&self) -> String {
        format!(
            "Registry(rpc={:?}, account={:#x}, marketplace={:#x})",
            self.rpc,
            self.client.address(),
            self.deployment.marketplace
        )
    }

    /// Registers the package as a model owned by the account (version 1),
    /// and sets its price when `price` is given.
    #[pyo3(signature = (package, name, metadata_uri, price=None, price_token=None))]
    fn register(
        &self,
        py: Python<'_>,
        package: &Package,
        name: String,
        metadata_uri: &str,
        price: Option<u128>,
        price_token: Option<&str>,
    ) -> PyResult<String> {
        let spec = cairn::market::model_spec(&package.inner, name, metadata_uri).py_err()?;
        let price_token = price_token.map(token).transpose()?;
        let d = &self.deployment;
        let (model_id, receipt) = self.call(py, self.client.register_model(d, &spec))?;
        let mut priced = None;
        if let (Some(amount), Some(t)) = (price, price_token) {
            priced = Some((t, amount, self.call(py, self.client.set_price(d, model_id, t, amount))?));
        }
        let priced = priced.as_ref().map(|(t, amount, r)| (*t, *amount, r));
        to_text(reports::registered(model_id, &spec, &receipt, priced))
    }

    /// Publishes the package as the model's next version (owner only).
    fn publish(&self, py: Python<'_>, model_id: u64, package: &Package, metadata_uri: &str) -> PyResult<String> {
        // A model keeps the name it was registered under; the spec's is unused.
        let spec = cairn::market::model_spec(&package.inner, String::new(), metadata_uri).py_err()?;
        let (version, receipt) = self.call(py, self.client.publish_version(&self.deployment, model_id, &spec))?;
        to_text(reports::published(model_id, version, &spec, &receipt))
    }

    /// Sets the price of one inference, in `price_token`'s smallest unit (owner only).
    fn set_price(&self, py: Python<'_>, model_id: u64, price: u128, price_token: &str) -> PyResult<String> {
        let t = token(price_token)?;
        let receipt = self.call(py, self.client.set_price(&self.deployment, model_id, t, price))?;
        to_text(reports::priced(model_id, t, price, &receipt))
    }

    /// Stops new requests for the model (owner only; irreversible).
    fn deprecate(&self, py: Python<'_>, model_id: u64) -> PyResult<String> {
        let receipt = self.call(py, self.client.deprecate(&self.deployment, model_id))?;
        to_text(reports::deprecated(model_id, &receipt))
    }

    /// Requests an inference of the model on the one sample of `samples`
    /// (committed to as the package's program encodes it), escrowing the
    /// price; it expires `deadline_seconds` after the latest block.
    fn request(
        &self,
        py: Python<'_>,
        model_id: u64,
        package: &Package,
        samples: &PySamples,
        deadline_seconds: u64,
    ) -> PyResult<String> {
        let [sample] = samples.samples.as_slice() else {
            return Err(InputError::new_err(format!(
                "a request is for one inference; {} samples were given",
                samples.samples.len()
            )));
        };
        let input_hash = cairn::market::input_commitment(&package.inner, sample).py_err()?;
        let now = self.call(py, self.client.block_timestamp())?;
        let deadline = now + deadline_seconds;
        let d = &self.deployment;
        let (request_id, receipt) = self.call(py, self.client.request_inference(d, model_id, input_hash, deadline))?;
        to_text(reports::requested(request_id, model_id, input_hash, deadline, &receipt))
    }

    /// Verifies the proof against the package and records its fact in the
    /// fact registry (the account must be an approved verifier).
    fn attest(&self, py: Python<'_>, proof: &[u8], package: &Package, min_security_bits: u32) -> PyResult<String> {
        let inference = self.proven(py, proof, package, min_security_bits)?;
        let receipt = self.call(py, self.client.register_fact(&self.deployment, inference.fact()))?;
        to_text(reports::attested(&inference, &receipt))
    }

    /// Verifies the proof against the package, records its fact if this
    /// account may and it is not there yet, and fulfils the request with the
    /// proven output.
    fn fulfil(
        &self,
        py: Python<'_>,
        request_id: u64,
        proof: &[u8],
        package: &Package,
        min_security_bits: u32,
    ) -> PyResult<String> {
        let inference = self.proven(py, proof, package, min_security_bits)?;
        let f = self.call(py, self.client.fulfil_verified(&self.deployment, request_id, &inference))?;
        to_text(reports::fulfilled(request_id, &inference, &f))
    }

    /// Takes back the payment of an expired, unfulfilled request.
    fn refund(&self, py: Python<'_>, request_id: u64) -> PyResult<String> {
        let receipt = self.call(py, self.client.refund(&self.deployment, request_id))?;
        to_text(reports::refunded(request_id, &receipt))
    }

    /// A model and its versions.
    fn model(&self, py: Python<'_>, model_id: u64) -> PyResult<String> {
        let model = self.call(py, self.client.get_model(&self.deployment, model_id))?;
        let versions = self.call(py, self.client.list_versions(&self.deployment, model_id))?;
        to_text(json!({"model": model, "versions": versions}))
    }

    /// A request, and once fulfilled its output cells (hex).
    fn inference(&self, py: Python<'_>, request_id: u64) -> PyResult<String> {
        let request = self.call(py, self.client.get_request(&self.deployment, request_id))?;
        let fulfilled = request.status == cairn::market::starknet::client::RequestStatus::Fulfilled;
        let output = match fulfilled {
            true => {
                let cells = self.call(py, self.client.get_output(&self.deployment, request_id))?;
                json!(cells.iter().map(|c| format!("{c:#x}")).collect::<Vec<_>>())
            }
            false => Value::Null,
        };
        to_text(json!({"request": request, "output": output}))
    }

    /// The contracts' events from block `from_block` on, oldest first.
    fn events(&self, py: Python<'_>, from_block: u64) -> PyResult<String> {
        let events = self.call(py, self.client.events(&self.deployment, from_block))?;
        to_text(json!({"events": events}))
    }
}
