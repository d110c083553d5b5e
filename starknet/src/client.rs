//! The registry client: declares and deploys the contracts, registers models,
//! requests inferences, records facts and fulfils requests over JSON-RPC 0.10
//! (V3 transactions, fees in STRK), with `starknet-rust`.
//!
//! Every transaction is sent from one account (a `SingleOwnerAccount` with
//! Cairo 1 calldata encoding) and awaited until its receipt says it
//! succeeded. A call the contracts refuse fails already at fee estimation;
//! both cases come back as [`StarknetError::Rejected`] carrying the
//! contract's reason (`INVALID_FACT`, `WRONG_PAYMENT`, …).

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use starknet_rust::accounts::{Account, AccountError, ConnectedAccount, ExecutionEncoding, SingleOwnerAccount};
use starknet_rust::contract::{ContractFactory, UdcSelector};
use starknet_rust::core::types::{
    AddressFilter, BlockId, BlockTag, Call, ContractExecutionError, Event, EventFilter, ExecutionResult,
    FlattenedSierraClass, FunctionCall, MaybePreConfirmedBlockWithTxHashes, StarknetError as RpcError,
    TransactionReceipt,
};
use starknet_rust::core::utils::get_selector_from_name;
use starknet_rust::providers::jsonrpc::{HttpTransport, JsonRpcClient};
use starknet_rust::providers::{Provider, ProviderError, Url};
use starknet_rust::signers::{LocalWallet, SigningKey};
use starknet_types_core::felt::Felt;

use crate::codec::{self, Reader};
use crate::events::{self, RegistryEvent};
use crate::fact::{cells_hash, inference_fact, shapes_hash};
use crate::{CompiledContract, StarknetError};

/// How long a transaction may take to appear with a receipt.
const RECEIPT_TIMEOUT: Duration = Duration::from_secs(120);

/// Events per `starknet_getEvents` page.
const EVENTS_PAGE: u64 = 200;

/// The STRK token (Starknet's fee token), at the same address on mainnet,
/// Sepolia and starknet-devnet.
pub const STRK: Felt = Felt::from_hex_unchecked("0x04718f5a0fc34cc1af16a1cdee98ffb20c31f5cd61d6ab07201858f4287c938d");

/// Environment variables an account can be given in instead of a file.
pub const ENV_ACCOUNT_ADDRESS: &str = "CAIRN_ACCOUNT_ADDRESS";
pub const ENV_ACCOUNT_KEY: &str = "CAIRN_ACCOUNT_KEY";

/// An account contract's address and its owner's private key. `Debug` never
/// shows the key.
#[derive(Clone)]
pub struct AccountKey {
    pub address: Felt,
    private_key: Felt,
}

impl fmt::Debug for AccountKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccountKey").field("address", &format_args!("{:#x}", self.address)).finish_non_exhaustive()
    }
}

#[derive(Serialize, Deserialize)]
struct AccountFile {
    address: String,
    private_key: String,
}

impl AccountKey {
    pub fn new(address: Felt, private_key: Felt) -> Self {
        AccountKey { address, private_key }
    }

    fn parse(address: &str, private_key: &str, source: &str) -> Result<Self, StarknetError> {
        let felt = |what: &str, text: &str| {
            Felt::from_hex(text.trim())
                .map_err(|_| StarknetError::Account(format!("{source}: the {what} is not a hex field element")))
        };
        Ok(AccountKey { address: felt("address", address)?, private_key: felt("private key", private_key)? })
    }

    /// Reads `{"address": "0x…", "private_key": "0x…"}`.
    pub fn from_file(path: &Path) -> Result<Self, StarknetError> {
        let source = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| StarknetError::Account(format!("{source}: {e}")))?;
        let file: AccountFile = serde_json::from_str(&text).map_err(|e| {
            StarknetError::Account(format!(
                "{source}: expected {{\"address\": \"0x…\", \"private_key\": \"0x…\"}} ({e})"
            ))
        })?;
        Self::parse(&file.address, &file.private_key, &source)
    }

    /// The account in `CAIRN_ACCOUNT_ADDRESS` / `CAIRN_ACCOUNT_KEY`, if both are set.
    pub fn from_env() -> Option<Result<Self, StarknetError>> {
        let address = std::env::var(ENV_ACCOUNT_ADDRESS).ok()?;
        let key = std::env::var(ENV_ACCOUNT_KEY).ok()?;
        Some(Self::parse(&address, &key, "the CAIRN_ACCOUNT_* variables"))
    }

    /// Writes the account file [`from_file`](Self::from_file) reads.
    pub fn write_file(&self, path: &Path) -> Result<(), StarknetError> {
        let file =
            AccountFile { address: format!("{:#x}", self.address), private_key: format!("{:#x}", self.private_key) };
        let text = serde_json::to_string_pretty(&file).map_err(|e| StarknetError::Serialize(e.to_string()))?;
        crate::write_atomically(path, text.as_bytes())
            .map_err(|e| StarknetError::Account(format!("{}: {e}", path.display())))
    }
}

/// Felts as `0x…` strings in JSON.
/// Serde for token amounts: decimal strings, since they pass 2^53 (one STRK
/// is 10^18 FRI) and JSON readers that use doubles would round them.
pub fn decimal<S: serde::Serializer>(amount: &u128, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&amount.to_string())
}

pub mod hex {
    use serde::{Deserialize, Deserializer, Serializer};
    use starknet_types_core::felt::Felt;

    pub fn serialize<S: Serializer>(felt: &Felt, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{felt:#x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Felt, D::Error> {
        let text = String::deserialize(d)?;
        Felt::from_hex(&text).map_err(|_| serde::de::Error::custom(format!("{text:?} is not a hex field element")))
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(felt: &Option<Felt>, s: S) -> Result<S::Ok, S::Error> {
            match felt {
                Some(f) => super::serialize(f, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Felt>, D::Error> {
            Option::<String>::deserialize(d)?
                .map(|text| {
                    Felt::from_hex(&text)
                        .map_err(|_| serde::de::Error::custom(format!("{text:?} is not a hex field element")))
                })
                .transpose()
        }
    }

    pub mod vec {
        use serde::ser::SerializeSeq;

        use super::*;

        pub fn serialize<S: Serializer>(felts: &[Felt], s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(felts.len()))?;
            for f in felts {
                seq.serialize_element(&format!("{f:#x}"))?;
            }
            seq.end()
        }
    }
}

/// Where the contracts live on one network: written by `deploy`, read by
/// everything else.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deployment {
    #[serde(with = "hex")]
    pub chain_id: Felt,
    #[serde(with = "hex")]
    pub fact_registry: Felt,
    #[serde(with = "hex")]
    pub model_registry: Felt,
    #[serde(with = "hex")]
    pub marketplace: Felt,
    /// A `TestToken` deployed alongside (local networks only).
    #[serde(with = "hex::option", default, skip_serializing_if = "Option::is_none")]
    pub test_token: Option<Felt>,
    /// Class hashes by contract name (hex).
    pub classes: BTreeMap<String, String>,
}

impl Deployment {
    pub fn read(path: &Path) -> Result<Self, StarknetError> {
        let err = |detail: String| StarknetError::Deployment { path: path.to_owned(), detail };
        let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
        serde_json::from_str(&text).map_err(|e| err(e.to_string()))
    }

    pub fn write(&self, path: &Path) -> Result<(), StarknetError> {
        let err = |detail: String| StarknetError::Deployment { path: path.to_owned(), detail };
        let text = serde_json::to_string_pretty(self).map_err(|e| err(e.to_string()))?;
        crate::write_atomically(path, (text + "\n").as_bytes()).map_err(|e| err(e.to_string()))
    }
}

/// What `deploy_all` deploys besides the three contracts.
#[derive(Clone, Debug, Default)]
pub struct DeployOptions {
    /// Accounts the fact registry's owner approves as verifiers.
    pub verifiers: Vec<Felt>,
    /// Deploy a `TestToken` minting this supply to this account.
    pub test_token: Option<(Felt, u128)>,
}

/// A model version as registered: the program, its metadata and its shapes.
#[derive(Clone, Debug)]
pub struct ModelSpec {
    /// A Cairo short string (≤ 31 ASCII characters).
    pub name: String,
    pub program_hash: Felt,
    pub metadata_uri: String,
    pub input_shapes: Vec<Vec<usize>>,
    pub output_shapes: Vec<Vec<usize>>,
    /// Fixed-point fraction bits.
    pub scale: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Model {
    pub id: u64,
    #[serde(with = "hex")]
    pub owner: Felt,
    pub name: String,
    pub latest_version: u32,
    pub deprecated: bool,
    #[serde(with = "hex")]
    pub price_token: Felt,
    #[serde(serialize_with = "decimal")]
    pub price: u128,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModelVersion {
    pub version: u32,
    #[serde(with = "hex")]
    pub program_hash: Felt,
    pub metadata_uri: String,
    #[serde(with = "hex")]
    pub input_shape_hash: Felt,
    #[serde(with = "hex")]
    pub output_shape_hash: Felt,
    pub scale: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum RequestStatus {
    Pending,
    Fulfilled,
    Refunded,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InferenceRequest {
    pub id: u64,
    #[serde(with = "hex")]
    pub consumer: Felt,
    pub model_id: u64,
    pub version: u32,
    #[serde(with = "hex")]
    pub program_hash: Felt,
    #[serde(with = "hex")]
    pub input_hash: Felt,
    #[serde(with = "hex")]
    pub token: Felt,
    #[serde(serialize_with = "decimal")]
    pub payment: u128,
    pub deadline: u64,
    pub status: RequestStatus,
    #[serde(with = "hex")]
    pub output_hash: Felt,
}

/// The two contracts with a single owner (a model's owner is per model).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owned {
    Marketplace,
    FactRegistry,
}

impl Owned {
    pub fn address(self, d: &Deployment) -> Felt {
        match self {
            Owned::Marketplace => d.marketplace,
            Owned::FactRegistry => d.fact_registry,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Owned::Marketplace => "marketplace",
            Owned::FactRegistry => "fact registry",
        }
    }
}

/// A succeeded transaction. Serialized as what reports show of it:
/// `{"hash": "0x…", "fee_fri": "<decimal>"}`.
#[derive(Clone, Debug)]
pub struct Receipt {
    pub transaction_hash: Felt,
    /// The fee paid, in FRI (STRK's smallest unit).
    pub fee: Felt,
    pub events: Vec<Event>,
}

impl Serialize for Receipt {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("hash", &format!("{:#x}", self.transaction_hash))?;
        m.serialize_entry("fee_fri", &self.fee.to_string())?;
        m.end()
    }
}

impl Receipt {
    /// The events `contract` emitted under the event name `name` (first key).
    pub fn events_named(&self, contract: Felt, name: &str) -> Vec<&Event> {
        let key = selector(name);
        self.events.iter().filter(|e| e.from_address == contract && e.keys.first() == Some(&key)).collect()
    }
}

/// An inference a proof established, split into its parts: the verified
/// program hash and the output segment `[len, outputs..., inputs...]`.
#[derive(Clone, Debug, PartialEq)]
pub struct VerifiedInference {
    pub program_hash: Felt,
    pub outputs: Vec<Felt>,
    pub inputs: Vec<Felt>,
}

impl VerifiedInference {
    /// Splits a verified output segment; `output_cells` (the manifest's
    /// output sizes summed) says where the outputs end.
    pub fn from_segment(program_hash: Felt, segment: &[Felt], output_cells: usize) -> Result<Self, StarknetError> {
        let Some((len, cells)) = segment.split_first() else {
            return Err(StarknetError::Inference("the output segment is empty".into()));
        };
        if *len != Felt::from(cells.len()) {
            return Err(StarknetError::Inference(format!(
                "the output segment says {len} cells but holds {}",
                cells.len()
            )));
        }
        if output_cells > cells.len() {
            return Err(StarknetError::Inference(format!(
                "{output_cells} output cells expected, the segment holds {}",
                cells.len()
            )));
        }
        let (outputs, inputs) = cells.split_at(output_cells);
        Ok(VerifiedInference { program_hash, outputs: outputs.to_vec(), inputs: inputs.to_vec() })
    }

    pub fn input_hash(&self) -> Felt {
        cells_hash(&self.inputs)
    }

    pub fn output_hash(&self) -> Felt {
        cells_hash(&self.outputs)
    }

    /// H(program_hash, input_hash, output_hash) (starknet/README.md).
    pub fn fact(&self) -> Felt {
        inference_fact(self.program_hash, self.input_hash(), self.output_hash())
    }
}

/// What [`Client::fulfil_verified`] did.
#[derive(Clone, Debug)]
pub struct Fulfilment {
    pub fact: Felt,
    /// Set when this account recorded the fact first (it is a verifier).
    pub fact_recorded: Option<Receipt>,
    pub receipt: Receipt,
}

/// The entry point selector (`sn_keccak` of the name).
pub fn selector(name: &str) -> Felt {
    get_selector_from_name(name).expect("entry point names are ASCII")
}

/// The Sierra class starknet-rust declares: ours, with the ABI as the exact
/// string the class hash commits to. Fails unless starknet-rust computes our
/// class hash.
pub fn flattened_class(contract: &CompiledContract) -> Result<FlattenedSierraClass, StarknetError> {
    let class_err = |detail: String| StarknetError::Class { contract: contract.name.clone(), detail };
    let sierra = serde_json::to_value(&contract.sierra).map_err(|e| class_err(e.to_string()))?;
    let value = serde_json::json!({
        "sierra_program": sierra["sierra_program"],
        "contract_class_version": sierra["contract_class_version"],
        "entry_points_by_type": sierra["entry_points_by_type"],
        "abi": contract.abi_json,
    });
    let class: FlattenedSierraClass = serde_json::from_value(value).map_err(|e| class_err(e.to_string()))?;
    let hash = class.class_hash();
    if hash != contract.class_hash {
        return Err(class_err(format!(
            "starknet-rust hashes the class to {hash:#x}, cairn to {:#x}",
            contract.class_hash
        )));
    }
    Ok(class)
}

type Rpc = JsonRpcClient<HttpTransport>;

/// One account on one node.
pub struct Client {
    account: SingleOwnerAccount<Rpc, LocalWallet>,
}

impl Client {
    /// Connects to the node at `rpc_url` (JSON-RPC 0.10) and reads its chain id.
    pub async fn connect(rpc_url: &str, key: &AccountKey) -> Result<Client, StarknetError> {
        let url = Url::parse(rpc_url).map_err(|e| StarknetError::Rpc {
            action: format!("parsing the node URL {rpc_url:?}"),
            detail: e.to_string(),
        })?;
        let provider = JsonRpcClient::new(HttpTransport::new(url));
        let chain_id =
            provider.chain_id().await.map_err(|e| rpc_error(&format!("reaching the node at {rpc_url}"), &e))?;
        let signer = LocalWallet::from(SigningKey::from_secret_scalar(key.private_key));
        let mut account = SingleOwnerAccount::new(provider, signer, key.address, chain_id, ExecutionEncoding::New);
        account.set_block_id(BlockId::Tag(BlockTag::Latest));
        Ok(Client { account })
    }

    pub fn address(&self) -> Felt {
        self.account.address()
    }

    pub fn chain_id(&self) -> Felt {
        self.account.chain_id()
    }

    fn provider(&self) -> &Rpc {
        self.account.provider()
    }

    /// The latest block's timestamp (seconds since the Unix epoch).
    pub async fn block_timestamp(&self) -> Result<u64, StarknetError> {
        let block = self
            .provider()
            .get_block_with_tx_hashes(BlockId::Tag(BlockTag::Latest))
            .await
            .map_err(|e| rpc_error("reading the latest block", &e))?;
        Ok(match block {
            MaybePreConfirmedBlockWithTxHashes::Block(b) => b.timestamp,
            MaybePreConfirmedBlockWithTxHashes::PreConfirmedBlock(b) => b.timestamp,
        })
    }

    /// Polls for the receipt of `tx` and fails unless it succeeded.
    pub async fn wait(&self, tx: Felt, action: &str) -> Result<Receipt, StarknetError> {
        let start = Instant::now();
        loop {
            match self.provider().get_transaction_receipt(tx).await {
                Ok(r) => {
                    return match r.receipt.execution_result() {
                        ExecutionResult::Succeeded => Ok(Receipt {
                            transaction_hash: tx,
                            fee: fee(&r.receipt),
                            events: r.receipt.events().to_vec(),
                        }),
                        ExecutionResult::Reverted { reason } => {
                            Err(StarknetError::Rejected { action: action.to_string(), reason: reason.clone() })
                        }
                    };
                }
                Err(ProviderError::StarknetError(RpcError::TransactionHashNotFound)) => {}
                Err(e) => return Err(rpc_error(action, &e)),
            }
            if start.elapsed() > RECEIPT_TIMEOUT {
                return Err(StarknetError::Rpc {
                    action: action.to_string(),
                    detail: format!("no receipt for transaction {tx:#x} after {}s", RECEIPT_TIMEOUT.as_secs()),
                });
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Sends `calls` as one V3 invoke transaction and waits for it.
    pub async fn invoke(&self, action: &str, calls: Vec<Call>) -> Result<Receipt, StarknetError> {
        let sent = self.account.execute_v3(calls).send().await.map_err(|e| account_error(action, &e))?;
        self.wait(sent.transaction_hash, action).await
    }

    /// Calls a view function at the latest block.
    pub async fn call(
        &self,
        contract: Felt,
        entry_point: &str,
        calldata: Vec<Felt>,
    ) -> Result<Vec<Felt>, StarknetError> {
        let request =
            FunctionCall { contract_address: contract, entry_point_selector: selector(entry_point), calldata };
        self.provider()
            .call(request, BlockId::Tag(BlockTag::Latest))
            .await
            .map_err(|e| rpc_error(&format!("calling {entry_point} on {contract:#x}"), &e))
    }

    /// Calls a view function and decodes its whole result with `read`
    /// (cells left over are an error).
    async fn view<T>(
        &self,
        contract: Felt,
        entry_point: &str,
        calldata: Vec<Felt>,
        read: impl FnOnce(&mut Reader<'_>) -> Result<T, StarknetError>,
    ) -> Result<T, StarknetError> {
        let cells = self.call(contract, entry_point, calldata).await?;
        let mut r = Reader::new(entry_point, &cells);
        let value = read(&mut r)?;
        r.finish()?;
        Ok(value)
    }

    /// Declares a contract class unless the node already knows it; returns
    /// its class hash.
    pub async fn declare(&self, contract: &CompiledContract) -> Result<Felt, StarknetError> {
        let action = format!("declaring {}", contract.name);
        let class = flattened_class(contract)?;
        match self.provider().get_class(BlockId::Tag(BlockTag::Latest), contract.class_hash).await {
            Ok(_) => return Ok(contract.class_hash),
            Err(ProviderError::StarknetError(RpcError::ClassHashNotFound)) => {}
            Err(e) => return Err(rpc_error(&action, &e)),
        }
        let sent = self
            .account
            .declare_v3(Arc::new(class), contract.compiled_class_hash)
            .send()
            .await
            .map_err(|e| account_error(&action, &e))?;
        self.wait(sent.transaction_hash, &action).await?;
        if sent.class_hash != contract.class_hash {
            return Err(StarknetError::Class {
                contract: contract.name.clone(),
                detail: format!("declared as {:#x}, expected {:#x}", sent.class_hash, contract.class_hash),
            });
        }
        Ok(sent.class_hash)
    }

    /// Deploys an instance of a declared class through the Universal
    /// Deployer; returns its address.
    pub async fn deploy(&self, name: &str, class_hash: Felt, constructor: Vec<Felt>) -> Result<Felt, StarknetError> {
        let factory = ContractFactory::new_with_udc(class_hash, &self.account, UdcSelector::New);
        let deployment = factory.deploy_v3(constructor, fresh_salt(), false);
        let address = deployment.deployed_address();
        let action = format!("deploying {name}");
        let sent = deployment.send().await.map_err(|e| account_error(&action, &e))?;
        self.wait(sent.transaction_hash, &action).await?;
        Ok(address)
    }

    /// Declares and deploys the fact registry, the model registry and the
    /// marketplace (this account owning them), approves `options.verifiers`,
    /// and deploys a test token if asked.
    pub async fn deploy_all(
        &self,
        contracts: &[CompiledContract],
        options: &DeployOptions,
    ) -> Result<Deployment, StarknetError> {
        let find = |name: &str| {
            contracts.iter().find(|c| c.name == name).ok_or_else(|| StarknetError::Class {
                contract: name.to_string(),
                detail: "not among the compiled contracts".into(),
            })
        };
        let mut names = vec!["FactRegistry", "ModelRegistry", "Marketplace"];
        if options.test_token.is_some() {
            names.push("TestToken");
        }
        let mut classes = BTreeMap::new();
        for name in &names {
            let hash = self.declare(find(name)?).await?;
            classes.insert(name.to_string(), hash);
        }
        let owner = self.address();
        let fact_registry = self.deploy("FactRegistry", classes["FactRegistry"], vec![owner]).await?;
        let model_registry = self.deploy("ModelRegistry", classes["ModelRegistry"], vec![]).await?;
        let marketplace =
            self.deploy("Marketplace", classes["Marketplace"], vec![owner, model_registry, fact_registry]).await?;
        if !options.verifiers.is_empty() {
            let calls = options
                .verifiers
                .iter()
                .map(|v| Call { to: fact_registry, selector: selector("add_verifier"), calldata: vec![*v] })
                .collect();
            self.invoke("approving the verifiers", calls).await?;
        }
        let test_token = match options.test_token {
            Some((recipient, supply)) => {
                let mut calldata = vec![recipient];
                calldata.extend(codec::u256(supply));
                Some(self.deploy("TestToken", classes["TestToken"], calldata).await?)
            }
            None => None,
        };
        Ok(Deployment {
            chain_id: self.chain_id(),
            fact_registry,
            model_registry,
            marketplace,
            test_token,
            classes: classes.into_iter().map(|(k, v)| (k, format!("{v:#x}"))).collect(),
        })
    }

    // ---- the model registry ----

    /// Registers a model owned by this account (version 1); returns its id.
    pub async fn register_model(&self, d: &Deployment, spec: &ModelSpec) -> Result<(u64, Receipt), StarknetError> {
        let mut calldata = vec![codec::short_string(&spec.name)?];
        calldata.extend(version_calldata(spec));
        let call = Call { to: d.model_registry, selector: selector("register_model"), calldata };
        let receipt = self.invoke("registering the model", vec![call]).await?;
        let id = event_u64(&receipt, d.model_registry, "ModelRegistered", |e| e.keys.get(1))?;
        Ok((id, receipt))
    }

    /// Publishes the model's next version (owner only; `spec.name` is not
    /// used: a model keeps its name); returns the version number. New
    /// requests run the latest version.
    pub async fn publish_version(
        &self,
        d: &Deployment,
        model_id: u64,
        spec: &ModelSpec,
    ) -> Result<(u32, Receipt), StarknetError> {
        let mut calldata = vec![Felt::from(model_id)];
        calldata.extend(version_calldata(spec));
        let call = Call { to: d.model_registry, selector: selector("publish_version"), calldata };
        let receipt = self.invoke("publishing the version", vec![call]).await?;
        let version = event_u64(&receipt, d.model_registry, "VersionPublished", |e| e.data.first())?;
        let version = u32::try_from(version).map_err(|_| StarknetError::Decode {
            what: "the VersionPublished event".into(),
            detail: format!("version {version} is not a u32"),
        })?;
        Ok((version, receipt))
    }

    /// Stops new requests for the model (owner only). Irreversible; pending
    /// requests can still be fulfilled or refunded.
    pub async fn deprecate(&self, d: &Deployment, model_id: u64) -> Result<Receipt, StarknetError> {
        let call = Call { to: d.model_registry, selector: selector("deprecate"), calldata: vec![Felt::from(model_id)] };
        self.invoke("deprecating the model", vec![call]).await
    }

    /// Hands the model (its versions, price and future payments) to `new_owner` (owner only).
    pub async fn transfer_model(
        &self,
        d: &Deployment,
        model_id: u64,
        new_owner: Felt,
    ) -> Result<Receipt, StarknetError> {
        let calldata = vec![Felt::from(model_id), new_owner];
        let call = Call { to: d.model_registry, selector: selector("transfer_model_ownership"), calldata };
        self.invoke("transferring the model", vec![call]).await
    }

    /// Sets the price of one inference (owner only).
    pub async fn set_price(
        &self,
        d: &Deployment,
        model_id: u64,
        token: Felt,
        price: u128,
    ) -> Result<Receipt, StarknetError> {
        let mut calldata = vec![Felt::from(model_id), token];
        calldata.extend(codec::u256(price));
        let call = Call { to: d.model_registry, selector: selector("set_price"), calldata };
        self.invoke("setting the price", vec![call]).await
    }

    pub async fn model_count(&self, d: &Deployment) -> Result<u64, StarknetError> {
        self.view(d.model_registry, "model_count", vec![], |r| r.u64()).await
    }

    pub async fn get_model(&self, d: &Deployment, model_id: u64) -> Result<Model, StarknetError> {
        self.view(d.model_registry, "get_model", vec![Felt::from(model_id)], read_model).await
    }

    pub async fn list_versions(&self, d: &Deployment, model_id: u64) -> Result<Vec<ModelVersion>, StarknetError> {
        self.view(d.model_registry, "list_versions", vec![Felt::from(model_id)], |r| {
            let n = r.u64()?;
            (0..n).map(|_| read_version(r)).collect()
        })
        .await
    }

    // ---- the marketplace ----

    /// Requests an inference of the model's latest version on the input
    /// committed to by `input_hash`, paying the model's current price: the
    /// approval of the marketplace and the request go in one transaction.
    /// Returns the request id.
    pub async fn request_inference(
        &self,
        d: &Deployment,
        model_id: u64,
        input_hash: Felt,
        deadline: u64,
    ) -> Result<(u64, Receipt), StarknetError> {
        let model = self.get_model(d, model_id).await?;
        let mut calls = Vec::new();
        if model.price != 0 {
            let mut calldata = vec![d.marketplace];
            calldata.extend(codec::u256(model.price));
            calls.push(Call { to: model.price_token, selector: selector("approve"), calldata });
        }
        let mut calldata = vec![Felt::from(model_id), input_hash];
        calldata.extend(codec::u256(model.price));
        calldata.push(Felt::from(deadline));
        calls.push(Call { to: d.marketplace, selector: selector("request_inference"), calldata });
        let receipt = self.invoke("requesting the inference", calls).await?;
        let id = event_u64(&receipt, d.marketplace, "InferenceRequested", |e| e.keys.get(1))?;
        Ok((id, receipt))
    }

    /// Delivers the output cells of a request (the model's owner only); the
    /// marketplace accepts them only if the fact registry holds their fact.
    pub async fn fulfil(&self, d: &Deployment, request_id: u64, outputs: &[Felt]) -> Result<Receipt, StarknetError> {
        let mut calldata = vec![Felt::from(request_id), Felt::from(outputs.len())];
        calldata.extend_from_slice(outputs);
        let call = Call { to: d.marketplace, selector: selector("fulfil"), calldata };
        self.invoke("fulfilling the request", vec![call]).await
    }

    /// Fulfils a request with a locally verified inference: checks that the
    /// proof is about the request's program and input, records the fact if it
    /// is not yet valid (this account must then be a verifier), and fulfils.
    pub async fn fulfil_verified(
        &self,
        d: &Deployment,
        request_id: u64,
        inference: &VerifiedInference,
    ) -> Result<Fulfilment, StarknetError> {
        let request = self.get_request(d, request_id).await?;
        if request.program_hash != inference.program_hash {
            return Err(StarknetError::Inference(format!(
                "the proof is about program {:#x}, request {request_id} pins program {:#x}",
                inference.program_hash, request.program_hash
            )));
        }
        if request.input_hash != inference.input_hash() {
            return Err(StarknetError::Inference(format!(
                "the proven input hashes to {:#x}, request {request_id} committed to {:#x}",
                inference.input_hash(),
                request.input_hash
            )));
        }
        let fact = inference.fact();
        // The registry the marketplace consults now, which the deployment
        // file may predate.
        let d = &Deployment { fact_registry: self.marketplace_fact_registry(d).await?, ..d.clone() };
        let mut fact_recorded = None;
        if !self.is_fact_valid(d, fact).await? {
            if !self.is_verifier(d, self.address()).await? {
                return Err(StarknetError::Inference(format!(
                    "fact {fact:#x} is not recorded and account {:#x} is not a verifier of the fact registry; \
                     a verifier must attest it first",
                    self.address()
                )));
            }
            fact_recorded = Some(self.register_fact(d, fact).await?);
        }
        let receipt = self.fulfil(d, request_id, &inference.outputs).await?;
        Ok(Fulfilment { fact, fact_recorded, receipt })
    }

    /// Takes the payment of an expired, unfulfilled request back (its consumer only).
    pub async fn refund(&self, d: &Deployment, request_id: u64) -> Result<Receipt, StarknetError> {
        let call = Call { to: d.marketplace, selector: selector("refund"), calldata: vec![Felt::from(request_id)] };
        self.invoke("refunding the request", vec![call]).await
    }

    pub async fn get_request(&self, d: &Deployment, request_id: u64) -> Result<InferenceRequest, StarknetError> {
        self.view(d.marketplace, "get_request", vec![Felt::from(request_id)], |r| {
            Ok(InferenceRequest {
                id: r.u64()?,
                consumer: r.felt()?,
                model_id: r.u64()?,
                version: r.u64()? as u32,
                program_hash: r.felt()?,
                input_hash: r.felt()?,
                token: r.felt()?,
                payment: r.u256()?,
                deadline: r.u64()?,
                status: match r.u64()? {
                    0 => RequestStatus::Pending,
                    1 => RequestStatus::Fulfilled,
                    2 => RequestStatus::Refunded,
                    n => {
                        return Err(StarknetError::Decode { what: "get_request".into(), detail: format!("status {n}") })
                    }
                },
                output_hash: r.felt()?,
            })
        })
        .await
    }

    /// The verified output cells of a fulfilled request.
    pub async fn get_output(&self, d: &Deployment, request_id: u64) -> Result<Vec<Felt>, StarknetError> {
        self.view(d.marketplace, "get_output", vec![Felt::from(request_id)], |r| r.array()).await
    }

    /// Points the marketplace at another fact registry (the marketplace's owner only).
    pub async fn set_fact_registry(&self, d: &Deployment, fact_registry: Felt) -> Result<Receipt, StarknetError> {
        let call = Call { to: d.marketplace, selector: selector("set_fact_registry"), calldata: vec![fact_registry] };
        self.invoke("setting the fact registry", vec![call]).await
    }

    /// The fact registry the marketplace consults.
    pub async fn marketplace_fact_registry(&self, d: &Deployment) -> Result<Felt, StarknetError> {
        self.view(d.marketplace, "fact_registry", vec![], |r| r.felt()).await
    }

    /// The owner of the marketplace or the fact registry.
    pub async fn owner_of(&self, d: &Deployment, contract: Owned) -> Result<Felt, StarknetError> {
        self.view(contract.address(d), "owner", vec![], |r| r.felt()).await
    }

    /// Hands the marketplace or the fact registry to `new_owner` (its owner only).
    pub async fn transfer_ownership(
        &self,
        d: &Deployment,
        contract: Owned,
        new_owner: Felt,
    ) -> Result<Receipt, StarknetError> {
        let call =
            Call { to: contract.address(d), selector: selector("transfer_ownership"), calldata: vec![new_owner] };
        self.invoke(&format!("transferring the {}", contract.name()), vec![call]).await
    }

    // ---- the fact registry ----

    /// Records a fact (approved verifiers only).
    pub async fn register_fact(&self, d: &Deployment, fact: Felt) -> Result<Receipt, StarknetError> {
        let call = Call { to: d.fact_registry, selector: selector("register_fact"), calldata: vec![fact] };
        self.invoke("recording the fact", vec![call]).await
    }

    /// Approves a verifier (the fact registry's owner only).
    pub async fn add_verifier(&self, d: &Deployment, verifier: Felt) -> Result<Receipt, StarknetError> {
        let call = Call { to: d.fact_registry, selector: selector("add_verifier"), calldata: vec![verifier] };
        self.invoke("approving the verifier", vec![call]).await
    }

    /// Withdraws a verifier's approval (the fact registry's owner only); the
    /// facts it recorded stay valid.
    pub async fn remove_verifier(&self, d: &Deployment, verifier: Felt) -> Result<Receipt, StarknetError> {
        let call = Call { to: d.fact_registry, selector: selector("remove_verifier"), calldata: vec![verifier] };
        self.invoke("removing the verifier", vec![call]).await
    }

    pub async fn is_fact_valid(&self, d: &Deployment, fact: Felt) -> Result<bool, StarknetError> {
        self.view(d.fact_registry, "is_valid", vec![fact], |r| r.bool()).await
    }

    pub async fn is_verifier(&self, d: &Deployment, account: Felt) -> Result<bool, StarknetError> {
        self.view(d.fact_registry, "is_verifier", vec![account], |r| r.bool()).await
    }

    // ---- history ----

    /// Every event the three contracts emitted from block `from_block` on,
    /// oldest first, decoded by name (`starknet_getEvents`, paged).
    pub async fn events(&self, d: &Deployment, from_block: u64) -> Result<Vec<RegistryEvent>, StarknetError> {
        let contracts =
            [(d.model_registry, "ModelRegistry"), (d.marketplace, "Marketplace"), (d.fact_registry, "FactRegistry")];
        let filter = EventFilter {
            from_block: Some(BlockId::Number(from_block)),
            to_block: Some(BlockId::Tag(BlockTag::Latest)),
            address: Some(AddressFilter::Multiple(contracts.iter().map(|(a, _)| *a).collect())),
            keys: None,
        };
        let mut events = Vec::new();
        let mut token = None;
        loop {
            let page = self
                .provider()
                .get_events(filter.clone(), token, EVENTS_PAGE)
                .await
                .map_err(|e| rpc_error("reading the events", &e))?;
            for e in page.events {
                let Some((_, name)) = contracts.iter().find(|(a, _)| *a == e.from_address) else {
                    return Err(StarknetError::Decode {
                        what: "the events".into(),
                        detail: format!("an event from {:#x}, which was not asked for", e.from_address),
                    });
                };
                events.push(events::decode(name, &e.keys, &e.data, e.block_number, e.transaction_hash)?);
            }
            match page.continuation_token {
                Some(next) => token = Some(next),
                None => return Ok(events),
            }
        }
    }

    // ---- tokens ----

    /// An ERC-20 balance (`balance_of`), in the token's smallest unit.
    pub async fn balance_of(&self, token: Felt, owner: Felt) -> Result<u128, StarknetError> {
        self.view(token, "balance_of", vec![owner], |r| r.u256()).await
    }
}

/// A version's calldata after the model id or name: program hash, metadata
/// URI, shape hashes, scale.
fn version_calldata(spec: &ModelSpec) -> Vec<Felt> {
    let mut calldata = vec![spec.program_hash];
    calldata.extend(codec::byte_array(&spec.metadata_uri));
    calldata.extend([shapes_hash(&spec.input_shapes), shapes_hash(&spec.output_shapes), Felt::from(spec.scale)]);
    calldata
}

fn read_model(r: &mut Reader<'_>) -> Result<Model, StarknetError> {
    Ok(Model {
        id: r.u64()?,
        owner: r.felt()?,
        name: codec::short_string_text(&r.felt()?),
        latest_version: r.u64()? as u32,
        deprecated: r.bool()?,
        price_token: r.felt()?,
        price: r.u256()?,
    })
}

fn read_version(r: &mut Reader<'_>) -> Result<ModelVersion, StarknetError> {
    Ok(ModelVersion {
        version: r.u64()? as u32,
        program_hash: r.felt()?,
        metadata_uri: r.byte_array()?,
        input_shape_hash: r.felt()?,
        output_shape_hash: r.felt()?,
        scale: r.u64()? as u8,
    })
}

/// A u64 member of the one event `name` that `contract` emitted in the
/// transaction, picked from the event's keys or data by `member`.
fn event_u64(
    receipt: &Receipt,
    contract: Felt,
    name: &str,
    member: impl Fn(&Event) -> Option<&Felt>,
) -> Result<u64, StarknetError> {
    let events = receipt.events_named(contract, name);
    let decode = |detail: String| StarknetError::Decode { what: format!("the {name} event"), detail };
    let [event] = events.as_slice() else {
        return Err(decode(format!("{} such events in transaction {:#x}", events.len(), receipt.transaction_hash)));
    };
    let cell = member(event).ok_or_else(|| decode("a member is missing".into()))?;
    u64::try_from(*cell).map_err(|_| decode(format!("{cell:#x} is not a u64")))
}

fn fee(receipt: &TransactionReceipt) -> Felt {
    match receipt {
        TransactionReceipt::Invoke(r) => r.actual_fee.amount,
        TransactionReceipt::Declare(r) => r.actual_fee.amount,
        TransactionReceipt::Deploy(r) => r.actual_fee.amount,
        TransactionReceipt::DeployAccount(r) => r.actual_fee.amount,
        TransactionReceipt::L1Handler(r) => r.actual_fee.amount,
    }
}

/// A salt for UDC deployments that differs between runs.
fn fresh_salt() -> Felt {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    Felt::from(nanos)
}

/// The revert reason of a contract execution error: the Cairo short strings
/// of its innermost message (`INVALID_FACT`, …; the per-call-level
/// `ENTRYPOINT_FAILED` left out), or the whole message when it has none.
fn execution_message(e: &ContractExecutionError) -> String {
    match e {
        ContractExecutionError::Nested(inner) => execution_message(&inner.error),
        ContractExecutionError::Message(m) => {
            let reasons = short_strings_in(m);
            if reasons.is_empty() {
                m.clone()
            } else {
                reasons.join(", ")
            }
        }
    }
}

/// The `('…')` quotes of a node's failure message, in order, without
/// repeats and without `ENTRYPOINT_FAILED`.
fn short_strings_in(message: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut rest = message;
    while let Some(start) = rest.find("('") {
        let tail = &rest[start + 2..];
        let Some(end) = tail.find("')") else { break };
        let text = &tail[..end];
        if text != "ENTRYPOINT_FAILED" && !found.iter().any(|f| f == text) {
            found.push(text.to_string());
        }
        rest = &tail[end + 2..];
    }
    found
}

fn rpc_error(action: &str, e: &ProviderError) -> StarknetError {
    let action = action.to_string();
    match e {
        ProviderError::StarknetError(RpcError::TransactionExecutionError(data)) => {
            StarknetError::Rejected { action, reason: execution_message(&data.execution_error) }
        }
        ProviderError::StarknetError(RpcError::ContractError(data)) => {
            StarknetError::Rejected { action, reason: execution_message(&data.revert_error) }
        }
        ProviderError::StarknetError(RpcError::ValidationFailure(reason)) => {
            StarknetError::Rejected { action, reason: format!("validation failed: {reason}") }
        }
        ProviderError::StarknetError(other) => StarknetError::Rpc { action, detail: format!("{other} ({other:?})") },
        other => StarknetError::Rpc { action, detail: other.to_string() },
    }
}

fn account_error<S: fmt::Display>(action: &str, e: &AccountError<S>) -> StarknetError {
    match e {
        AccountError::Provider(p) => rpc_error(action, p),
        other => StarknetError::Rpc { action: action.to_string(), detail: other.to_string() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verified_inference_splits_the_segment() {
        let cells: Vec<Felt> = [4u64, 10, 11, 1, 2].map(Felt::from).to_vec();
        let v = VerifiedInference::from_segment(Felt::from(7), &cells, 2).unwrap();
        assert_eq!(v.outputs, vec![Felt::from(10), Felt::from(11)]);
        assert_eq!(v.inputs, vec![Felt::from(1), Felt::from(2)]);
        assert_eq!(v.fact(), inference_fact(Felt::from(7), cells_hash(&v.inputs), cells_hash(&v.outputs)));
        assert!(VerifiedInference::from_segment(Felt::from(7), &cells[..4], 2).is_err());
        assert!(VerifiedInference::from_segment(Felt::from(7), &cells, 5).is_err());
    }

    /// What the client declares hashes, in starknet-rust, to the class hash
    /// cairn computes (so devnet's answer to a declare is the expected one).
    #[test]
    fn starknet_rust_agrees_on_every_class_hash() {
        let toolchain = cairn_cairo::Toolchain::locate().unwrap();
        let contracts = crate::compile_contracts(&toolchain, &crate::contracts_dir()).unwrap();
        for name in ["FactRegistry", "Marketplace", "ModelRegistry", "TestToken"] {
            let contract = contracts.iter().find(|c| c.name == name).unwrap();
            let class = flattened_class(contract).unwrap();
            assert_eq!(class.abi, contract.abi_json);
        }
    }

    #[test]
    fn revert_reasons_are_the_quoted_short_strings() {
        let message = "Error in contract (contract address: 0x1):\n0x4e4f545f50454e44494e47 ('NOT_PENDING').\n \
                       (0x454e545259504f494e545f4641494c4544 ('ENTRYPOINT_FAILED'))";
        assert_eq!(short_strings_in(message), vec!["NOT_PENDING"]);
        assert!(short_strings_in("Execution failed").is_empty());
        let e = ContractExecutionError::Message("Execution failed".into());
        assert_eq!(execution_message(&e), "Execution failed");
    }

    #[test]
    fn account_debug_hides_the_key() {
        let key = AccountKey::new(Felt::from(0xabcu64), Felt::from_hex_unchecked("0x1234567890"));
        let shown = format!("{key:?}");
        assert!(shown.contains("0xabc"), "{shown}");
        assert!(!shown.contains("1234567890"), "{shown}");
    }

    #[test]
    fn deployment_round_trips_through_json() {
        let d = Deployment {
            chain_id: Felt::from(1),
            fact_registry: Felt::from(2),
            model_registry: Felt::from(3),
            marketplace: Felt::from(4),
            test_token: None,
            classes: BTreeMap::from([("Marketplace".to_string(), "0x5".to_string())]),
        };
        let text = serde_json::to_string(&d).unwrap();
        assert!(text.contains("\"marketplace\":\"0x4\""), "{text}");
        assert_eq!(serde_json::from_str::<Deployment>(&text).unwrap(), d);
    }
}
