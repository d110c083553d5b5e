//! Progress for long steps (Cairo compilation, VM runs): a spinner with the
//! elapsed time on a terminal, a single line with the duration otherwise.
//! Everything goes to stderr so stdout stays machine-readable; `-q` silences
//! it (warnings and errors still go to stderr).

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// `-q`: no progress lines and no notes, for the whole command.
static QUIET: AtomicBool = AtomicBool::new(false);

pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// A note for the user on stderr (what was chosen, what was written), unless `-q`.
pub fn note(text: std::fmt::Arguments) {
    if !QUIET.load(Ordering::Relaxed) {
        eprintln!("{text}");
    }
}

/// Runs `work`, showing `label` while it runs and its duration when done
/// (neither when `quiet`, as for `--json`, or under `-q`).
pub fn step<T, E>(label: &str, quiet: bool, work: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
    let quiet = quiet || QUIET.load(Ordering::Relaxed);
    let start = Instant::now();
    let tty = std::io::stderr().is_terminal() && !quiet;
    let done = Arc::new(AtomicBool::new(false));
    let spinner = tty.then(|| {
        let done = done.clone();
        let label = label.to_string();
        std::thread::spawn(move || {
            let frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
            let mut i = 0;
            while !done.load(Ordering::Relaxed) {
                eprint!("\r{} {label} … {:.1}s ", frames[i % frames.len()], start.elapsed().as_secs_f64());
                let _ = std::io::stderr().flush();
                i += 1;
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    });
    let result = work();
    done.store(true, Ordering::Relaxed);
    if let Some(h) = spinner {
        let _ = h.join();
        eprint!("\r\x1b[2K");
    }
    if !quiet {
        let mark = if result.is_ok() { "✓" } else { "✗" };
        eprintln!("{mark} {label} ({:.2}s)", start.elapsed().as_secs_f64());
    }
    result
}
