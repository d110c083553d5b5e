//! A generated package and how it is written to disk.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::library::LIBRARY_FILES;
use super::Manifest;

pub const MANIFEST_FILE: &str = "cairn.json";

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
        let mut s = serde_json::to_string_pretty(&self.manifest).expect("manifest serializes");
        s.push('\n');
        s
    }

    /// Writes the package to `dir`, replacing a previous cairn package there.
    /// Everything is written to a sibling temporary directory first and renamed
    /// into place, so `dir` is never left half-written. A non-empty `dir` that
    /// is not a cairn package is refused.
    pub fn write_to(&self, dir: &Path, model_bytes: &[u8]) -> io::Result<()> {
        if dir.exists() {
            let empty = fs::read_dir(dir)?.next().is_none();
            if !empty && !dir.join(MANIFEST_FILE).is_file() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("{} exists and is not a cairn package; choose another output directory", dir.display()),
                ));
            }
        }
        let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("package");
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp)?;
        }
        let result = (|| {
            for (path, contents) in self.files() {
                let p = tmp.join(path);
                if let Some(d) = p.parent() {
                    fs::create_dir_all(d)?;
                }
                fs::write(p, contents)?;
            }
            fs::write(tmp.join("model.onnx"), model_bytes)?;
            if dir.exists() {
                fs::remove_dir_all(dir)?;
            }
            fs::rename(&tmp, dir)
        })();
        if result.is_err() {
            let _ = fs::remove_dir_all(&tmp);
        }
        result
    }

    /// Rewrites only the manifest (after compilation adds the program hash).
    pub fn update_manifest(&self, dir: &Path) -> io::Result<()> {
        let tmp = dir.join(format!(".{MANIFEST_FILE}.tmp"));
        fs::write(&tmp, self.manifest_json())?;
        fs::rename(tmp, dir.join(MANIFEST_FILE))
    }
}
