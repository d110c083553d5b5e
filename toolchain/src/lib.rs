//! cairn-cairo: Cairo compilation and execution with the pinned toolchain
//! (cairo-lang 2.17.0, cairo-vm 3.2.0; docs/cairo-toolchain.md). The only
//! crate of the workspace that links either.
//!
//! * [`Toolchain`] finds the corelib (it ships in no cairo-lang crate),
//!   compiles a package's `#[executable]` (Cairo → Sierra → CASM) or a
//!   Starknet contract package ([`contracts`]), or runs its `#[test]`s;
//! * [`vm`] runs an executable in proof mode and is the only module that knows
//!   cairo-vm's types;
//! * [`adapter`] turns a proof-mode run into the prover's input.
//!
//! The program hash is the prover's ([`cairn_prover::hash`]): verifying a
//! proof needs neither the compiler nor the VM.

pub mod adapter;
mod compile;
pub mod contracts;
mod corelib;
mod guard;
pub mod profile;
mod tests_runner;
pub mod vm;

pub use cairo_lang_executable::executable::Executable;
pub use compile::CompiledProgram;
pub use corelib::{cache_dir, corelib_embedded, default_corelib_dir, write_tree, CORELIB_SOURCE};
pub use starknet_types_core::felt::Felt;
pub use tests_runner::CairoTestReport;
pub use vm::{CairoRun, TraceEntry};

use std::path::{Path, PathBuf};

use thiserror::Error;

use tests_runner::TestKind;

#[derive(Debug, Error)]
pub enum CairoError {
    #[error(
        "the Cairo corelib was not found at {path}: run scripts/fetch-corelib.sh (it downloads \
         {CORELIB_SOURCE} with cargo into the cache), or point CAIRN_CORELIB at a corelib directory \
         (one holding src/lib.cairo)"
    )]
    CorelibMissing { path: PathBuf },
    #[error("cannot set up the Cairo project at {path}: {detail}")]
    Project { path: PathBuf, detail: String },
    #[error("Cairo compilation of {path} failed:\n{diagnostics}")]
    Compile { path: PathBuf, diagnostics: String },
    #[error("the Cairo program panicked: {0}")]
    Panic(String),
    #[error("the Cairo VM failed: {0}")]
    Vm(String),
    #[error("Cairo tests failed: {0}")]
    Tests(String),
    #[error("contract {contract}: {detail}")]
    Contract { contract: String, detail: String },
}

/// The compiler, bound to a corelib directory.
#[derive(Clone, Debug)]
pub struct Toolchain {
    corelib: PathBuf,
}

impl Toolchain {
    /// `$CAIRN_CORELIB`, else the cache's corelib directory — which
    /// `scripts/fetch-corelib.sh` fills, or this binary writes from its
    /// embedded copy on first use.
    pub fn locate() -> Result<Toolchain, CairoError> {
        if let Some(path) = std::env::var_os("CAIRN_CORELIB") {
            return Toolchain::with_corelib(Path::new(&path));
        }
        let path = default_corelib_dir();
        corelib::ensure_default_corelib(&path)
            .map_err(|e| CairoError::Project { path: path.clone(), detail: format!("writing the corelib: {e}") })?;
        Toolchain::with_corelib(&path)
    }

    pub fn with_corelib(path: &Path) -> Result<Toolchain, CairoError> {
        if !path.join("src/lib.cairo").is_file() {
            return Err(CairoError::CorelibMissing { path: path.to_owned() });
        }
        Ok(Toolchain { corelib: path.join("src") })
    }

    /// Compiles the package's single `#[executable]` function.
    pub fn compile_executable(&self, package: &Path) -> Result<CompiledProgram, CairoError> {
        guard::compiler(package, || compile::compile_executable(&self.corelib, package))
    }

    /// Compiles the executable and locates each of its functions in the
    /// bytecode ([`profile::FunctionMap`]), for cost reports.
    pub fn compile_executable_mapped(
        &self,
        package: &Path,
    ) -> Result<(CompiledProgram, profile::FunctionMap), CairoError> {
        guard::compiler(package, || compile::compile_executable_mapped(&self.corelib, package))
    }

    /// Compiles and runs every `#[test]` of the package (gas disabled).
    pub fn run_tests(&self, package: &Path, filter: &str) -> Result<CairoTestReport, CairoError> {
        guard::compiler(package, || tests_runner::run_tests(&self.corelib, package, filter, TestKind::Plain))
    }

    /// Compiles and runs every `#[test]` of a Starknet contract package (gas
    /// enabled, contracts deployable with `deploy_syscall`).
    pub fn run_starknet_tests(&self, package: &Path, filter: &str) -> Result<CairoTestReport, CairoError> {
        guard::compiler(package, || tests_runner::run_tests(&self.corelib, package, filter, TestKind::Starknet))
    }

    /// Compiles every Starknet contract of the package to its Sierra and
    /// CASM classes (gas enabled), sorted by name.
    pub fn compile_contracts(&self, package: &Path) -> Result<Vec<contracts::ContractClasses>, CairoError> {
        guard::compiler(package, || contracts::compile(&self.corelib, package))
    }
}
