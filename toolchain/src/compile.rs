//! Cairo → Sierra → CASM for a package's `#[executable]`.

use std::path::Path;

use cairo_lang_compiler::db::RootDatabase;
use cairo_lang_compiler::diagnostics::DiagnosticsReporter;
use cairo_lang_executable::compile::{compile_executable as cairo_compile_executable, ExecutableConfig};
use cairo_lang_executable::executable::Executable;
use cairo_lang_executable_plugin::executable_plugin_suite;
use cairo_lang_filesystem::cfg::{Cfg, CfgSet};
use cairo_lang_filesystem::db::init_dev_corelib;
use starknet_types_core::felt::Felt;

use cairn_prover::hash;

use crate::CairoError;

/// A compiled executable and what identifies it.
#[derive(Clone, Debug)]
pub struct CompiledProgram {
    pub executable: Executable,
    /// The CASM bytecode words.
    pub bytecode: Vec<Felt>,
    /// Poseidon hash of the bytecode ([`hash::program_hash`]).
    pub program_hash: Felt,
}

/// A database configured like `cairo-lang-executable`'s, with our corelib.
pub(crate) fn executable_db(corelib: &Path) -> Result<RootDatabase, CairoError> {
    let mut db = RootDatabase::builder()
        .skip_auto_withdraw_gas()
        .with_cfg(CfgSet::from_iter([Cfg::kv("gas", "disabled")]))
        .with_default_plugin_suite(executable_plugin_suite())
        .build()
        .map_err(|e| CairoError::Project { path: corelib.to_owned(), detail: e.to_string() })?;
    init_dev_corelib(&mut db, corelib.to_path_buf());
    Ok(db)
}

pub(crate) fn compile_executable(corelib: &Path, package: &Path) -> Result<CompiledProgram, CairoError> {
    let mut db = executable_db(corelib)?;
    let mut diagnostics = String::new();
    let result = cairo_compile_executable(
        &mut db,
        package,
        None,
        DiagnosticsReporter::write_to_string(&mut diagnostics),
        ExecutableConfig::default(),
    );
    let compiled = match result {
        Ok(c) => c,
        Err(e) => {
            let detail = if diagnostics.trim().is_empty() { e.to_string() } else { diagnostics };
            return Err(CairoError::Compile { path: package.to_owned(), diagnostics: detail });
        }
    };
    Ok(CompiledProgram::from_executable(Executable::new(compiled.compiled_function)))
}

impl CompiledProgram {
    /// A compiled executable (say, read back from a cache) with its bytecode
    /// and program hash.
    pub fn from_executable(executable: Executable) -> CompiledProgram {
        let bytecode: Vec<Felt> = executable.program.bytecode.iter().map(Felt::from).collect();
        let program_hash = hash::program_hash(&bytecode);
        CompiledProgram { executable, bytecode, program_hash }
    }
}
