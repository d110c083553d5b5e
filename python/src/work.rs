//! Running the library's heavy calls (compiling, the Cairo VM, proving)
//! outside the GIL, on a thread of their own.
//!
//! Without the GIL other Python threads keep running while a proof is made,
//! and several proofs can run at once (the library is `Send + Sync`). The
//! thread has a large stack because the Cairo compiler recurses deeply on big
//! programs: the CLI runs on a process's main thread (8 MiB), but a Python
//! caller may be on a worker thread with far less.

use pyo3::exceptions::PyRuntimeError;
use pyo3::{PyResult, Python};

/// Stack of the worker thread (reserved, not committed, until used).
const STACK_BYTES: usize = 64 << 20;

/// Runs `f` without the GIL on a fresh thread and returns its result. A panic
/// in `f` (a bug in cairn) becomes a `RuntimeError` carrying its message
/// instead of unwinding into Python.
pub fn detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> T + Send,
{
    py.detach(|| {
        std::thread::scope(|scope| {
            let handle = std::thread::Builder::new()
                .name("cairn".into())
                .stack_size(STACK_BYTES)
                .spawn_scoped(scope, f)
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start a thread for cairn: {e}")))?;
            handle.join().map_err(|panic| {
                let what = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "unknown panic".into());
                PyRuntimeError::new_err(format!("internal error in cairn (please report this): {what}"))
            })
        })
    })
}
