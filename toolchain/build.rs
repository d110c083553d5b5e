//! Embeds the Cairo corelib into the crate, so that a `cairn` binary copied
//! to another machine compiles Cairo without this repository or a network:
//! on first use the library writes the files into its cache
//! (`corelib::locate`).
//!
//! The files come from the directory `scripts/fetch-corelib.sh` fills from the
//! pinned crates.io package (docs/cairo-toolchain.md): `$CAIRN_CORELIB`, else
//! `$CAIRN_CACHE/corelib/cairo-native-0.9.0-rc.5`, else the same under
//! `~/.cache/cairn`. The project's scripts run that before building; a plain
//! `cargo build` without it embeds nothing (with a warning) and cairn then
//! needs the directory at run time, as before.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const VERSION_DIR: &str = "cairo-native-0.9.0-rc.5";

fn corelib_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CAIRN_CORELIB") {
        return PathBuf::from(dir);
    }
    let cache = std::env::var_os("CAIRN_CACHE").map(PathBuf::from).unwrap_or_else(|| {
        std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(".")).join(".cache/cairn")
    });
    cache.join("corelib").join(VERSION_DIR)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())).path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    for var in ["CAIRN_CORELIB", "CAIRN_CACHE", "HOME"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    let dir = corelib_dir();
    let src = dir.join("src");
    let mut code = String::from("/// `(path inside the corelib's src/, contents)` of every corelib file.\n");
    code.push_str("pub static CORELIB_FILES: &[(&str, &[u8])] = &[\n");
    if src.join("lib.cairo").is_file() {
        println!("cargo:rerun-if-changed={}", src.display());
        let mut files = Vec::new();
        collect(&src, &mut files);
        files.sort();
        for f in &files {
            let rel = f.strip_prefix(&src).expect("under src/").to_string_lossy().replace('\\', "/");
            let _ = writeln!(code, "    ({rel:?}, include_bytes!({:?})),", f.display().to_string());
        }
    } else {
        println!(
            "cargo:warning=no Cairo corelib at {} to embed: run scripts/fetch-corelib.sh before building, or \
             cairn will need CAIRN_CORELIB at run time",
            dir.display()
        );
        println!("cargo:rerun-if-changed={}", dir.display());
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corelib_files.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}
