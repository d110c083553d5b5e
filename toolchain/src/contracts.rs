//! Compiling a Starknet contract package: every `#[starknet::contract]`
//! becomes a Sierra contract class (what `declare` sends and the class hash
//! commits to) and a CASM class (what the sequencer runs). Hashing and
//! declaring them is cairn-starknet's business.

use std::path::Path;

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
pub use cairo_lang_starknet_classes::casm_contract_class::CasmContractClass;
pub use cairo_lang_starknet_classes::contract_class::ContractClass;

use crate::CairoError;

/// Starknet's limit on a CASM class's bytecode (felts); the same default as
/// `starknet-sierra-compile`.
const MAX_BYTECODE_SIZE: usize = 180_000;

/// One contract's classes.
#[derive(Clone, Debug)]
pub struct ContractClasses {
    /// The contract module's name (`ModelRegistry`, `Marketplace`, …).
    pub name: String,
    pub sierra: ContractClass,
    pub casm: CasmContractClass,
}

/// Compiles every contract of the package at `package` (a directory with a
/// `cairo_project.toml`), sorted by name. Gas is enabled: contracts run
/// metered on Starknet. Sierra → CASM applies the libfunc check Starknet
/// applies at declare.
pub(crate) fn compile(corelib: &Path, package: &Path) -> Result<Vec<ContractClasses>, CairoError> {
    let project_err = |detail: String| CairoError::Project { path: package.to_owned(), detail };
    let mut db = RootDatabase::builder()
        .with_default_plugin_suite(starknet_plugin_suite())
        .build()
        .map_err(|e| project_err(e.to_string()))?;
    init_dev_corelib(&mut db, corelib.to_path_buf());
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
    let classes = compile_prepared_db(&db, &refs, config).map_err(|e| CairoError::Compile {
        path: package.to_owned(),
        diagnostics: format!("{e}\n{diagnostics}").trim_end().to_string(),
    })?;
    let mut compiled = names.into_iter().zip(classes).map(|(n, s)| to_casm(n, s)).collect::<Result<Vec<_>, _>>()?;
    compiled.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(compiled)
}

fn to_casm(name: String, sierra: ContractClass) -> Result<ContractClasses, CairoError> {
    let err = |detail: String| CairoError::Contract { contract: name.clone(), detail };
    let program = sierra.extract_sierra_program(false).map_err(|e| err(e.to_string()))?;
    program.validate_version_compatible(ListSelector::DefaultList).map_err(|e| err(e.to_string()))?;
    let casm = CasmContractClass::from_contract_class(sierra.clone(), program, false, MAX_BYTECODE_SIZE)
        .map_err(|e| err(e.to_string()))?;
    Ok(ContractClasses { name, sierra, casm })
}
