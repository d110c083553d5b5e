//! Checks an output file path before any work is done, so a proof that
//! takes minutes and gigabytes is never computed only to find it cannot be
//! written.

use std::path::Path;

use anyhow::{bail, Context, Result};

/// `path` can be written: not `-` (proofs are binary files, not a stream),
/// not a directory, in an existing directory where a file can be created
/// (probed with a temporary file, removed at once).
pub fn check_writable(path: &Path, flag: &str) -> Result<()> {
    if path.as_os_str() == "-" {
        bail!("{flag} -: writing to standard output is not supported (a proof is a binary file); give a file path");
    }
    if path.is_dir() {
        bail!("{flag} {}: is a directory; give a file path", path.display());
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !dir.is_dir() {
        bail!("{flag} {}: the directory {} does not exist", path.display(), dir.display());
    }
    tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("{flag} {}: cannot create a file in {}", path.display(), dir.display()))?;
    Ok(())
}
