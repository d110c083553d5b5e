//! A generated package and how it is written to and read from disk.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::library::LIBRARY_FILES;
use super::Manifest;

pub const MANIFEST_FILE: &str = "cairn.json";
/// Where a compiled package keeps its compiled program (written by `cairn`).
pub const PROGRAM_FILE: &str = "program.json";
/// The ONNX model a package was generated from, copied into it.
pub const MODEL_FILE: &str = "model.onnx";

#[derive(Debug, Error)]
pub enum PackageError {
    #[error("{} is not a cairn package (no {MANIFEST_FILE}); create one with `cairn transpile`", path.display())]
    NotAPackage { path: PathBuf },
    #[error("{} exists and is not a cairn package; choose another output directory", path.display())]
    Occupied { path: PathBuf },
    #[error(
        "refusing to replace the package at {}: it holds files cairn did not write ({}); move them or choose another directory",
        path.display(),
        files.join(", ")
    )]
    ForeignFiles { path: PathBuf, files: Vec<String> },
    #[error("cannot read {}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: not a cairn manifest", path.display())]
    Manifest { path: PathBuf, source: serde_json::Error },
    #[error("cannot write {}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

/// Reads a package's manifest.
pub fn read_manifest(dir: &Path) -> Result<Manifest, PackageError> {
    let path = dir.join(MANIFEST_FILE);
    if !path.is_file() {
        return Err(PackageError::NotAPackage { path: dir.to_owned() });
    }
    let text = fs::read_to_string(&path).map_err(|source| PackageError::Read { path: path.clone(), source })?;
    serde_json::from_str(&text).map_err(|source| PackageError::Manifest { path, source })
}

/// Writes `bytes` to `path` through a temporary file in the same directory,
/// renamed into place: an interrupted write never leaves a half-written file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_data()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[derive(Clone, Debug)]
pub struct Package {
    /// `src/lib.cairo` of the generated crate.
    pub lib: String,
    /// The model without the `#[executable]` wrapper, to embed in a module
    /// (defines `pub fn run(input: Span<felt252>) -> Array<felt252>`).
    pub module: String,
    pub manifest: Manifest,
}

const CAIRO_PROJECT: &str = "\
# For cairn's embedded compiler (cairo-lang 2.17.0); Scarb uses Scarb.toml.
[crate_roots]
model = \"src\"
cairn = \"cairn/src\"

[config.global]
edition = \"2024_07\"

[config.override.model]
edition = \"2024_07\"

[config.override.model.dependencies]
cairn = { discriminator = \"cairn\" }
";

const SCARB_TOML: &str = "\
[package]
name = \"model\"
version = \"0.1.0\"
edition = \"2024_07\"

[[target.executable]]

[cairo]
enable-gas = false

[dependencies]
cairo_execute = \"2.17.0\"
cairn = { path = \"cairn\" }
";

impl Package {
    pub(super) fn new(lib: String, module: String, manifest: Manifest) -> Package {
        Package { lib, module, manifest }
    }

    /// Every file of the package, relative to its root (without model.onnx).
    pub fn files(&self) -> Vec<(PathBuf, String)> {
        let mut files = vec![
            (PathBuf::from("Scarb.toml"), SCARB_TOML.to_string()),
            (PathBuf::from("cairo_project.toml"), CAIRO_PROJECT.to_string()),
            (PathBuf::from("src/lib.cairo"), self.lib.clone()),
            (PathBuf::from(MANIFEST_FILE), self.manifest_json()),
        ];
        for (path, contents) in LIBRARY_FILES {
            files.push((Path::new("cairn").join(path), contents.to_string()));
        }
        files
    }

    pub fn manifest_json(&self) -> String {
        self.manifest.to_json()
    }

    /// Writes the package to `dir`, replacing a previous cairn package there.
    /// Everything is written to a sibling temporary directory first and renamed
    /// into place, so `dir` is never left half-written. A non-empty `dir` that
    /// is not a cairn package is refused.
    /// Files cairn did not write are never deleted: a package holding any
    /// (a user's notes, an extra Cairo module in `src/`) is refused.
    pub fn write_to(&self, dir: &Path, model_bytes: &[u8]) -> Result<(), PackageError> {
        if dir.exists() {
            let entries = fs::read_dir(dir).map_err(|source| PackageError::Read { path: dir.to_owned(), source })?;
            if entries.count() > 0 && !dir.join(MANIFEST_FILE).is_file() {
                return Err(PackageError::Occupied { path: dir.to_owned() });
            }
            let foreign = foreign_files(dir).map_err(|source| PackageError::Read { path: dir.to_owned(), source })?;
            if !foreign.is_empty() {
                return Err(PackageError::ForeignFiles { path: dir.to_owned(), files: foreign });
            }
        }
        self.write_files(dir, model_bytes).map_err(|source| PackageError::Write { path: dir.to_owned(), source })
    }

    /// Stages every file in a fresh temporary directory next to `dir` (its
    /// name unique to this call, so concurrent writers never share it), then
    /// swaps it in. A writer that loses a race to another one retries once.
    fn write_files(&self, dir: &Path, model_bytes: &[u8]) -> io::Result<()> {
        let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("package");
        let staging = tempfile::Builder::new().prefix(&format!(".{name}.tmp-")).tempdir_in(parent)?;
        for (path, contents) in self.files() {
            let p = staging.path().join(path);
            if let Some(d) = p.parent() {
                fs::create_dir_all(d)?;
            }
            fs::write(p, contents)?;
        }
        fs::write(staging.path().join(MODEL_FILE), model_bytes)?;
        let staged = staging.keep();
        let mut result = Ok(());
        for _ in 0..2 {
            match fs::remove_dir_all(dir) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    result = Err(e);
                    continue;
                }
                _ => {}
            }
            result = fs::rename(&staged, dir);
            if result.is_ok() {
                return Ok(());
            }
        }
        let _ = fs::remove_dir_all(&staged);
        result
    }

    /// Rewrites only the manifest (after compilation adds the program hash).
    pub fn update_manifest(&self, dir: &Path) -> Result<(), PackageError> {
        write_manifest(dir, &self.manifest)
    }
}

/// Entries of a package directory that cairn does not write: anything but
/// its top-level files, `src/lib.cairo` and the `cairn/` library copy (whole,
/// so a package of an older cairn with other library files is still ours).
fn foreign_files(dir: &Path) -> io::Result<Vec<String>> {
    const TOP: &[&str] = &["Scarb.toml", "cairo_project.toml", MANIFEST_FILE, MODEL_FILE, PROGRAM_FILE, "cairn", "src"];
    let mut foreign = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if !TOP.contains(&name.as_str()) {
            foreign.push(name);
        }
    }
    let src = dir.join("src");
    if src.is_dir() {
        for entry in fs::read_dir(&src)? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if name != "lib.cairo" {
                foreign.push(format!("src/{name}"));
            }
        }
    } else if src.exists() {
        foreign.push("src".into());
    }
    foreign.sort();
    Ok(foreign)
}

/// Replaces a package's manifest atomically.
pub fn write_manifest(dir: &Path, manifest: &Manifest) -> Result<(), PackageError> {
    let path = dir.join(MANIFEST_FILE);
    write_atomically(&path, manifest.to_json().as_bytes()).map_err(|source| PackageError::Write { path, source })
}
