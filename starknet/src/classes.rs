//! Compiling the contract package into declarable classes.
//!
//! Each `#[starknet::contract]` of `contracts/` becomes a Sierra contract class
//! (what `declare` sends and what the class hash commits to) and a CASM class
//! (what the sequencer runs; its Blake2s compiled-class hash is what Starknet
//! ≥ 0.14.1 and starknet-devnet 0.8.0 expect at declare).

use std::path::{Path, PathBuf};

use cairn_runtime::cairo::Toolchain;
use cairo_lang_compiler::db::RootDatabase;
use cairo_lang_compiler::diagnostics::DiagnosticsReporter;
use cairo_lang_compiler::project::setup_project;
use cairo_lang_compiler::CompilerConfig;
use cairo_lang_defs::ids::TopLevelLanguageElementId;
use cairo_lang_filesystem::db::init_dev_corelib;
use cairo_lang_filesystem::ids::CrateInput;
use cairo_lang_starknet::compile::compile_prepared_db;
use cairo_lang_starknet::contract::find_contracts;
use cairo_lang_starknet::starknet_plugin_suite;
use cairo_lang_starknet_classes::allowed_libfuncs::ListSelector;
use cairo_lang_starknet_classes::casm_contract_class::CasmContractClass;
use cairo_lang_starknet_classes::contract_class::ContractClass;
use starknet_types_core::felt::Felt;

use crate::hash::sierra_class_hash;
use crate::StarknetError;

/// Starknet's limit on a CASM class's bytecode (felts); the same default as
/// `starknet-sierra-compile`.
const MAX_BYTECODE_SIZE: usize = 180_000;

/// The contract package shipped in this crate.
pub fn contracts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("contracts")
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
/// `cairo_project.toml`), sorted by name. Gas is enabled: contracts run
/// metered on Starknet.
pub fn compile_contracts(toolchain: &Toolchain, package: &Path) -> Result<Vec<CompiledContract>, StarknetError> {
    let project_err = |detail: String| StarknetError::Project { path: package.to_owned(), detail };
    let mut db = RootDatabase::builder()
        .with_default_plugin_suite(starknet_plugin_suite())
        .build()
        .map_err(|e| project_err(e.to_string()))?;
    init_dev_corelib(&mut db, toolchain.corelib_src().to_path_buf());
    let crate_inputs = setup_project(&mut db, package).map_err(|e| project_err(e.to_string()))?;
    let mut diagnostics = String::new();
    let reporter = DiagnosticsReporter::write_to_string(&mut diagnostics).with_crates(&crate_inputs);
    let crate_ids = CrateInput::into_crate_ids(&db, crate_inputs);
    let declarations = find_contracts(&db, &crate_ids);
    let names: Vec<String> = declarations
        .iter()
        .map(|d| d.submodule_id.full_path(&db).rsplit("::").next().unwrap_or_default().to_string())
        .collect();
    let refs: Vec<_> = declarations.iter().collect();
    let config = CompilerConfig { diagnostics_reporter: reporter, ..CompilerConfig::default() };
    let classes = compile_prepared_db(&db, &refs, config);
    let classes = classes.map_err(|e| StarknetError::Compile {
        path: package.to_owned(),
        diagnostics: format!("{e}\n{diagnostics}").trim_end().to_string(),
    })?;
    let mut compiled =
        names.into_iter().zip(classes).map(|(name, sierra)| finish(name, sierra)).collect::<Result<Vec<_>, _>>()?;
    compiled.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(compiled)
}

/// Sierra → CASM, the libfunc check Starknet applies at declare, and hashes.
fn finish(name: String, sierra: ContractClass) -> Result<CompiledContract, StarknetError> {
    let class_err = |detail: String| StarknetError::Class { contract: name.clone(), detail };
    let program = sierra.extract_sierra_program(false).map_err(|e| class_err(e.to_string()))?;
    program.validate_version_compatible(ListSelector::DefaultList).map_err(|e| class_err(e.to_string()))?;
    let casm = CasmContractClass::from_contract_class(sierra.clone(), program, false, MAX_BYTECODE_SIZE)
        .map_err(|e| class_err(e.to_string()))?;
    let abi_json = crate::hash::pythonic_json(&sierra.abi).map_err(|e| class_err(e.to_string()))?;
    let class_hash = sierra_class_hash(&sierra, &abi_json);
    let compiled_class_hash = casm.compiled_class_hash();
    Ok(CompiledContract { name, sierra, abi_json, casm, class_hash, compiled_class_hash })
}
