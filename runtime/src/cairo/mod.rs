//! Cairo compilation and execution with the pinned toolchain (cairo-lang
//! 2.17.0, cairo-vm 3.2.0; docs/cairo-toolchain.md).
//!
//! * [`Toolchain`] finds the corelib (it ships in no cairo-lang crate) and
//!   compiles a package's `#[executable]` (Cairo → Sierra → CASM) or runs its
//!   `#[test]`s;
//! * [`vm`] runs an executable in proof mode and is the only module that knows
//!   cairo-vm's types;
//! * [`hash`] defines the program hash.

mod compile;
mod corelib;
pub mod hash;
pub mod tables;
mod tests_runner;
pub mod vm;

pub use compile::CompiledProgram;
pub use corelib::{default_corelib_dir, CORELIB_SOURCE};
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
}

/// The compiler, bound to a corelib directory.
#[derive(Clone, Debug)]
pub struct Toolchain {
    corelib: PathBuf,
}

impl Toolchain {
    /// `$CAIRN_CORELIB`, else the directory `scripts/fetch-corelib.sh` fills.
    pub fn locate() -> Result<Toolchain, CairoError> {
        let path = std::env::var_os("CAIRN_CORELIB").map(PathBuf::from).unwrap_or_else(default_corelib_dir);
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
        guard_compiler(package, || compile::compile_executable(&self.corelib, package))
    }

    /// Compiles and runs every `#[test]` of the package (gas disabled).
    pub fn run_tests(&self, package: &Path, filter: &str) -> Result<CairoTestReport, CairoError> {
        guard_compiler(package, || tests_runner::run_tests(&self.corelib, package, filter, TestKind::Plain))
    }

    /// Compiles and runs every `#[test]` of a Starknet contract package (gas
    /// enabled, contracts deployable with `deploy_syscall`).
    pub fn run_starknet_tests(&self, package: &Path, filter: &str) -> Result<CairoTestReport, CairoError> {
        guard_compiler(package, || tests_runner::run_tests(&self.corelib, package, filter, TestKind::Starknet))
    }

    /// The corelib's `src/` directory, for callers that drive other
    /// cairo-lang front ends (the Starknet contract compiler).
    pub fn corelib_src(&self) -> &Path {
        &self.corelib
    }
}

/// The Cairo compiler reports some problems by panicking (internal errors on
/// code it cannot lower). Turn such a panic into an error instead of crashing
/// the caller, and keep its message; the default hook's report is silenced
/// while the compiler runs.
fn guard_compiler<T>(package: &Path, f: impl FnOnce() -> Result<T, CairoError>) -> Result<T, CairoError> {
    use std::panic;
    use std::sync::{Arc, Mutex};
    let message = Arc::new(Mutex::new(String::new()));
    let sink = message.clone();
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if let Ok(mut m) = sink.lock() {
            if m.is_empty() {
                *m = info.to_string();
            }
        }
    }));
    let result = panic::catch_unwind(panic::AssertUnwindSafe(f));
    panic::set_hook(previous);
    match result {
        Ok(r) => r,
        Err(_) => {
            let m = message.lock().map(|m| m.clone()).unwrap_or_default();
            Err(CairoError::Compile { path: package.to_owned(), diagnostics: format!("internal compiler error: {m}") })
        }
    }
}
