//! cairn on Starknet: the contract package in `contracts/` (model registry,
//! inference marketplace, fact registry) and its compilation into classes that
//! can be declared.
//!
//! ```no_run
//! use cairn_cairo::Toolchain;
//! use cairn_starknet::{compile_contracts, contracts_dir};
//!
//! let toolchain = Toolchain::locate()?;
//! for contract in compile_contracts(&toolchain, &contracts_dir())? {
//!     println!("{}: class {:#x}, compiled class {:#x}", contract.name, contract.class_hash, contract.compiled_class_hash);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`client`] declares and deploys them and drives the registry and the
//! marketplace over JSON-RPC; [`devnet`] runs a local node for tests.
//!
//! The fact an inference is accepted under, and how its parts are hashed, is
//! in `starknet/README.md`.

mod classes;
pub mod client;
pub mod codec;
pub mod devnet;
pub mod events;
pub mod fact;
mod hash;

use std::path::PathBuf;

use thiserror::Error;

pub use classes::{
    compile_contracts, contracts_dir, deployable_contracts_dir, deployable_contracts_dir_in, CompiledContract,
};

#[derive(Debug, Error)]
pub enum StarknetError {
    /// Compiling the contract package (cairn-cairo's toolchain) failed.
    #[error("compiling the contracts of {} failed", path.display())]
    Compile { path: PathBuf, source: cairn_cairo::CairoError },
    #[error("contract {contract} cannot become a declarable class: {detail}")]
    Class { contract: String, detail: String },
    #[error("cannot serialize a contract class: {0}")]
    Serialize(String),
    #[error("{action}: {detail}")]
    Rpc { action: String, detail: String },
    /// The contracts (or the account) refused a transaction; `reason` holds
    /// the revert reason (`INVALID_FACT`, `WRONG_PAYMENT`, …).
    #[error("{action} was rejected: {reason}")]
    Rejected { action: String, reason: String },
    #[error("unexpected answer from {what}: {detail}")]
    Decode { what: String, detail: String },
    #[error("cannot encode calldata: {0}")]
    Encode(String),
    #[error("account: {0}")]
    Account(String),
    #[error("deployment file {path}: {detail}")]
    Deployment { path: PathBuf, detail: String },
    #[error("{0}")]
    Inference(String),
    #[error("starknet-devnet: {0}")]
    Devnet(String),
}

/// Writes `bytes` to `path` through a temporary file renamed into place, so
/// an interrupted write never leaves a half-written account or deployment
/// file.
pub(crate) fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
