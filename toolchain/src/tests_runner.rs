//! Running a package's Cairo `#[test]`s inside `cargo test`, with our corelib.

use std::path::Path;

use cairo_lang_compiler::db::RootDatabase;
use cairo_lang_compiler::project::setup_project;
use cairo_lang_filesystem::cfg::{Cfg, CfgSet};
use cairo_lang_filesystem::db::init_dev_corelib;
use cairo_lang_starknet::starknet_plugin_suite;
use cairo_lang_test_plugin::{test_plugin_suite, TestsCompilationConfig};
use cairo_lang_test_runner::{CompiledTestRunner, TestCompiler, TestRunConfig};

use crate::CairoError;

#[derive(Clone, Debug)]
pub struct CairoTestReport {
    /// What the runner printed (one line per test, then the summary).
    pub log: String,
}

/// Which kind of package the tests belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TestKind {
    /// Plain Cairo (the tensor library, generated models): gas disabled.
    Plain,
    /// Starknet contracts: the starknet plugin expands `#[starknet::contract]`,
    /// every contract of the package becomes deployable in the tests
    /// (`TEST_CLASS_HASH`), and gas is enabled because contract code and
    /// syscalls are written against the gas builtin.
    Starknet,
}

pub(crate) fn run_tests(
    corelib: &Path,
    package: &Path,
    filter: &str,
    kind: TestKind,
) -> Result<CairoTestReport, CairoError> {
    let project_err = |detail: String| CairoError::Project { path: package.to_owned(), detail };
    let starknet = kind == TestKind::Starknet;
    let mut builder = RootDatabase::builder();
    let mut cfg = CfgSet::from_iter([Cfg::name("test"), Cfg::kv("target", "test")]);
    if !starknet {
        cfg.insert(Cfg::kv("gas", "disabled"));
        builder.skip_auto_withdraw_gas();
    }
    builder.with_cfg(cfg).with_default_plugin_suite(test_plugin_suite());
    if starknet {
        builder.with_default_plugin_suite(starknet_plugin_suite());
    }
    let mut db = builder.build().map_err(|e| project_err(e.to_string()))?;
    init_dev_corelib(&mut db, corelib.to_path_buf());
    let crates = setup_project(&mut db, package).map_err(|e| project_err(e.to_string()))?;
    let compiler = TestCompiler {
        db: db.snapshot(),
        main_crate_ids: crates.clone(),
        test_crate_ids: crates,
        allow_warnings: false,
        config: TestsCompilationConfig {
            starknet,
            add_statements_functions: false,
            add_statements_code_locations: false,
            contract_declarations: None,
            contract_crate_ids: None,
            executable_crate_ids: None,
            add_functions_debug_info: false,
            replace_ids: false,
        },
    };
    let compiled =
        compiler.build().map_err(|e| CairoError::Compile { path: package.to_owned(), diagnostics: e.to_string() })?;
    let config = TestRunConfig {
        filter: filter.to_string(),
        include_ignored: false,
        ignored: false,
        profiler_config: None,
        gas_enabled: starknet,
        print_resource_usage: false,
    };
    match CompiledTestRunner::new(compiled, config).run(Some(&compiler.db)) {
        Ok(_) => Ok(CairoTestReport { log: String::new() }),
        Err(e) => Err(CairoError::Tests(e.to_string())),
    }
}
