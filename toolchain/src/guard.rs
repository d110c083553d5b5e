//! The Cairo compiler reports some problems by panicking (internal errors on
//! code it cannot lower). A compilation runs inside `catch_unwind`, and its
//! panic becomes a [`CairoError::Compile`] carrying the panic's message.
//!
//! The message is captured by a panic hook installed once per process: it
//! records the panics of threads that are compiling (a thread-local slot) and
//! hands every other panic to the hook that was installed before it. So
//! several threads can compile at once, and panics elsewhere in the program
//! are reported as usual. (Swapping the process-wide hook around each
//! compilation, as cairn once did, let two concurrent compilations restore
//! each other's hooks.)

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

use crate::CairoError;

thread_local! {
    /// `Some` while this thread compiles: the first panic message seen.
    static CAPTURE: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let captured = CAPTURE
                .try_with(|slot| match slot.try_borrow_mut() {
                    Ok(mut slot) => match slot.as_mut() {
                        Some(message) => {
                            if message.is_empty() {
                                *message = info.to_string();
                            }
                            true
                        }
                        None => false,
                    },
                    Err(_) => false,
                })
                .unwrap_or(false);
            if !captured {
                previous(info);
            }
        }));
    });
}

/// Runs a compilation of `package`, turning a compiler panic into an error.
pub(crate) fn compiler<T>(package: &Path, f: impl FnOnce() -> Result<T, CairoError>) -> Result<T, CairoError> {
    install_hook();
    // Nested compilations keep the outer one's slot.
    let outer = CAPTURE.with(|slot| slot.borrow_mut().replace(String::new()));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    let message = CAPTURE.with(|slot| std::mem::replace(&mut *slot.borrow_mut(), outer)).unwrap_or_default();
    match result {
        Ok(r) => r,
        Err(_) => Err(CairoError::Compile {
            path: package.to_owned(),
            diagnostics: format!("internal compiler error: {message}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_errors_on_every_thread_at_once() {
        let run = |i: usize| {
            std::thread::spawn(move || {
                compiler::<()>(Path::new("p"), || panic!("lowering failed in thread {i}")).unwrap_err().to_string()
            })
        };
        let handles: Vec<_> = (0..4).map(run).collect();
        for (i, h) in handles.into_iter().enumerate() {
            let msg = h.join().expect("the panic was caught");
            assert!(msg.contains(&format!("lowering failed in thread {i}")), "{msg}");
        }
        // Outside a compilation, panics still reach the previous hook and unwind.
        assert!(std::panic::catch_unwind(|| panic!("elsewhere")).is_err());
        assert_eq!(compiler(Path::new("p"), || Ok(7)).unwrap(), 7);
    }
}
