//! Compiling the contract package into declarable classes.
//!
//! Each `#[starknet::contract]` of `contracts/` becomes a Sierra contract class
//! (what `declare` sends and what the class hash commits to) and a CASM class
//! (what the sequencer runs; its Blake2s compiled-class hash is what Starknet
//! ≥ 0.14.1 and starknet-devnet 0.8.0 expect at declare).

use std::path::{Path, PathBuf};

use cairn_cairo::contracts::{CasmContractClass, ContractClass, ContractClasses};
use cairn_cairo::Toolchain;
use starknet_types_core::felt::Felt;

use crate::hash::sierra_class_hash;
use crate::StarknetError;

/// The contract package's sources in this repository.
pub fn contracts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("contracts")
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/contract_files.rs"));
}

/// Written last when a copy of the contract package is complete.
const MARKER: &str = ".cairn-contracts-complete";

/// The contract package this build carries (build.rs embeds `contracts/`),
/// written under `cache/contracts/` on first use, in a directory named by
/// its contents: a binary deploys the contracts it was built with, on a
/// machine without this repository.
pub fn deployable_contracts_dir_in(cache: &Path) -> Result<PathBuf, StarknetError> {
    // FNV-1a over every path and content: distinct sources, distinct directories.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (rel, bytes) in embedded::CONTRACT_FILES {
        for &b in rel.as_bytes().iter().chain([0u8].iter()).chain(bytes.iter()) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    let dir = cache.join("contracts").join(format!("{hash:016x}"));
    let files = embedded::CONTRACT_FILES.iter().map(|&(rel, bytes)| (rel.to_string(), bytes));
    cairn_cairo::write_tree(&dir, files, MARKER).map_err(|e| StarknetError::Deployment {
        path: dir.clone(),
        detail: format!("writing the contract sources: {e}"),
    })?;
    Ok(dir)
}

/// [`deployable_contracts_dir_in`] cairn's cache (`$CAIRN_CACHE`).
pub fn deployable_contracts_dir() -> Result<PathBuf, StarknetError> {
    deployable_contracts_dir_in(&cairn_cairo::cache_dir())
}

/// One contract, ready to declare.
#[derive(Clone, Debug)]
pub struct CompiledContract {
    /// The contract module's name (`ModelRegistry`, `Marketplace`, …).
    pub name: String,
    /// The Sierra contract class, as the compiler and Scarb write it.
    pub sierra: ContractClass,
    /// The ABI exactly as declared: Python-style JSON (`", "`, `": "`), the
    /// string the class hash commits to.
    pub abi_json: String,
    pub casm: CasmContractClass,
    pub class_hash: Felt,
    /// Blake2s compiled-class hash (`compiled_class_hash()`).
    pub compiled_class_hash: Felt,
}

impl CompiledContract {
    /// The Sierra class as JSON (Scarb's `*.contract_class.json` format).
    pub fn sierra_json(&self) -> Result<String, StarknetError> {
        serde_json::to_string(&self.sierra).map_err(|e| StarknetError::Serialize(e.to_string()))
    }

    /// The CASM class as JSON (Scarb's `*.compiled_contract_class.json` format).
    pub fn casm_json(&self) -> Result<String, StarknetError> {
        serde_json::to_string(&self.casm).map_err(|e| StarknetError::Serialize(e.to_string()))
    }
}

/// Compiles every contract of the package at `package` (a directory with a
/// `cairo_project.toml`), sorted by name, and computes the class hashes a
/// declare needs. Gas is enabled: contracts run metered on Starknet.
pub fn compile_contracts(toolchain: &Toolchain, package: &Path) -> Result<Vec<CompiledContract>, StarknetError> {
    let classes = toolchain
        .compile_contracts(package)
        .map_err(|source| StarknetError::Compile { path: package.to_owned(), source })?;
    classes.into_iter().map(finish).collect()
}

/// The class hash (of the Sierra class, with the ABI as declared) and the
/// Blake2s compiled-class hash.
fn finish(classes: ContractClasses) -> Result<CompiledContract, StarknetError> {
    let ContractClasses { name, sierra, casm } = classes;
    let abi_json = crate::hash::pythonic_json(&sierra.abi)
        .map_err(|e| StarknetError::Class { contract: name.clone(), detail: e.to_string() })?;
    let class_hash = sierra_class_hash(&sierra, &abi_json);
    let compiled_class_hash = casm.compiled_class_hash();
    Ok(CompiledContract { name, sierra, abi_json, casm, class_hash, compiled_class_hash })
}
