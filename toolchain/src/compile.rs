//! Cairo → Sierra → CASM for a package's `#[executable]`.

use std::path::Path;

use cairo_lang_compiler::db::RootDatabase;
use cairo_lang_compiler::diagnostics::DiagnosticsReporter;
use cairo_lang_executable::compile::{compile_executable as cairo_compile_executable, ExecutableConfig};
use cairo_lang_executable::executable::{Executable, NOT_RETURNING_HEADER_SIZE};
use cairo_lang_executable_plugin::executable_plugin_suite;
use cairo_lang_filesystem::cfg::{Cfg, CfgSet};
use cairo_lang_filesystem::db::init_dev_corelib;
use cairo_lang_sierra_generator::replace_ids::replace_sierra_ids_in_program;
use starknet_types_core::felt::Felt;

use cairn_prover::hash;

use crate::profile::FunctionMap;
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
    compile_executable_mapped(corelib, package).map(|(program, _)| program)
}

/// Compiles like [`compile_executable`] and also locates every Sierra
/// function's code in the bytecode (for attributing a run's steps).
pub(crate) fn compile_executable_mapped(
    corelib: &Path,
    package: &Path,
) -> Result<(CompiledProgram, FunctionMap), CairoError> {
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
    // The executable's bytecode is a fixed header, the entry code, then the
    // CASM program (Executable::new): Sierra statement offsets shift by both.
    let program_offset = NOT_RETURNING_HEADER_SIZE
        + compiled.compiled_function.wrapper.header.iter().map(|i| i.body.op_size()).sum::<usize>();
    let statements = compiled.builder.casm_program().debug_info.sierra_statement_info.clone();
    let sierra = compiled.builder.sierra_program().clone();
    let compiled_function = compiled.compiled_function;
    // The compiled Sierra names functions by id; the database knows their paths.
    let named = replace_sierra_ids_in_program(&db, &sierra);
    let functions = named
        .funcs
        .iter()
        .filter_map(|f| {
            let start = statements.get(f.entry_point.0)?.start_offset;
            let name = f.id.debug_name.as_ref().map(|n| n.to_string()).unwrap_or_else(|| format!("#{}", f.id.id));
            Some((program_offset + start, name))
        })
        .collect();
    let map = FunctionMap::new(functions);
    Ok((CompiledProgram::from_executable(Executable::new(compiled_function)), map))
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
