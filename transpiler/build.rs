//! Embeds the `cairn` Cairo library (`../cairo`: Scarb.toml and every file
//! under src/) into the crate, so that a generated package carries the exact
//! library its program hash covers. The list is the directory itself: adding
//! a Cairo file needs no edit here, and cargo reruns this when any changes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())).path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "cairo") {
            out.push(path);
        }
    }
}

fn main() {
    // Read at run time, not `env!` at compile time: a build script compiled for
    // one checkout may be reused by cargo for another sharing the target dir.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("../cairo");
    let root = root.canonicalize().unwrap_or_else(|e| panic!("the Cairo library at {}: {e}", root.display()));
    println!("cargo:rerun-if-changed={}", root.join("src").display());
    println!("cargo:rerun-if-changed={}", root.join("Scarb.toml").display());
    let mut files = vec![root.join("Scarb.toml")];
    collect(&root.join("src"), &mut files);
    files.sort();
    let mut code = String::from("/// `(path inside cairo/, contents)` of every library file.\n");
    code.push_str("pub static LIBRARY_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        let rel = f.strip_prefix(&root).expect("under the library root").to_string_lossy().replace('\\', "/");
        let _ = writeln!(code, "    ({rel:?}, include_str!({:?})),", f.display().to_string());
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("library_files.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}
