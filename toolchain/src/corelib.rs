//! Where the corelib lives. It is not in any cairo-lang crate; the crates.io
//! package below ships a complete copy, which scripts/fetch-corelib.sh extracts
//! into the cache (docs/cairo-toolchain.md explains the choice). The build
//! embeds that copy (build.rs), and a binary that finds no corelib on disk
//! writes its own into the cache on first use.

use std::path::{Path, PathBuf};

pub const CORELIB_SOURCE: &str = "the crates.io package cairo-native 0.9.0-rc.5";

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/corelib_files.rs"));
}

/// Written last when a corelib directory is complete (the same marker
/// scripts/fetch-corelib.sh writes).
const MARKER: &str = ".cairn-corelib-complete";

/// cairn's cache: `$CAIRN_CACHE`, defaulting to `~/.cache/cairn` (the same
/// rule as scripts/env.sh). The corelib, generated packages and build
/// products live there, outside any checkout.
pub fn cache_dir() -> PathBuf {
    std::env::var_os("CAIRN_CACHE").map(PathBuf::from).unwrap_or_else(|| {
        std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(".")).join(".cache/cairn")
    })
}

/// `$CAIRN_CACHE/corelib/cairo-native-0.9.0-rc.5`.
pub fn default_corelib_dir() -> PathBuf {
    cache_dir().join("corelib/cairo-native-0.9.0-rc.5")
}

/// True when this build carries the corelib.
pub fn corelib_embedded() -> bool {
    !embedded::CORELIB_FILES.is_empty()
}

/// The default corelib directory, written from the embedded copy when it is
/// missing or incomplete. `Ok(false)` when there is nothing embedded to write.
pub(crate) fn ensure_default_corelib(dir: &Path) -> std::io::Result<bool> {
    if dir.join(MARKER).is_file() && dir.join("src/lib.cairo").is_file() {
        return Ok(true);
    }
    if !corelib_embedded() {
        return Ok(false);
    }
    let files = embedded::CORELIB_FILES.iter().map(|&(rel, bytes)| (format!("src/{rel}"), bytes));
    write_tree(dir, files, MARKER)?;
    Ok(true)
}

/// Writes `files` (relative path, contents) as the directory `dir`, then the
/// file `marker` in it, unless `dir` already holds `marker` (a complete
/// copy). The tree is written beside its destination and renamed into place:
/// a reader never sees half of it, and two processes racing both end with a
/// whole one.
pub fn write_tree<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (String, &'a [u8])>,
    marker: &str,
) -> std::io::Result<()> {
    if dir.join(marker).is_file() {
        return Ok(());
    }
    let parent = dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let tmp = tempfile::Builder::new().prefix(".cairn-tmp.").tempdir_in(parent)?;
    for (rel, bytes) in files {
        let path = tmp.path().join(rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)?;
        }
        std::fs::write(&path, bytes)?;
    }
    std::fs::write(tmp.path().join(marker), b"written by cairn from its embedded copy\n")?;
    let staged = tmp.keep();
    if dir.exists() {
        // An incomplete copy (no marker): replace it.
        let _ = std::fs::remove_dir_all(dir);
    }
    match std::fs::rename(&staged, dir) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staged);
            // Another process finished first.
            if dir.join(marker).is_file() {
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}
