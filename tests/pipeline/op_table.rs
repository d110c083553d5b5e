//! Every operator registered in the op table has every piece it needs; a
//! missing piece fails this test with the full list of what is missing.

use std::path::Path;

use cairn_transpiler::ops::{stem, OPS};

#[test]
fn every_op_has_every_piece() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(root.join("docs/fixed-point.md")).expect("docs/fixed-point.md");
    let mut missing = Vec::new();
    for spec in OPS {
        let op = spec.op_type;
        let stem = stem(op);
        for (what, path) in [
            ("runtime kernel", format!("runtime/src/ops/{stem}.rs")),
            ("importer and code generator", format!("transpiler/src/ops/{stem}.rs")),
            ("Cairo kernel", format!("cairo/src/ops/{stem}.cairo")),
            ("golden cases", format!("tests/golden/cases/{stem}.rs")),
        ] {
            if !root.join(&path).is_file() {
                missing.push(format!("{op}: {what} {path}"));
            }
        }
        match docs.split(&format!("\n### {op}\n")).nth(1) {
            None => missing.push(format!("{op}: section '### {op}' in docs/fixed-point.md")),
            Some(rest) => {
                let section = rest.split("\n### ").next().unwrap_or_default();
                if !section.contains("Conformance tolerance: atol ") {
                    missing.push(format!("{op}: 'Conformance tolerance:' line in its docs section"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "op table pieces missing:\n  {}", missing.join("\n  "));
}

/// The reverse direction: a kernel file that is not registered is dead code or
/// a forgotten registration.
#[test]
fn every_kernel_file_is_registered() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let helpers =
        ["mod", "elementwise", "reduce", "window", "attrs", "gen", "dense", "ml", "tree", "recurrent", "logic"];
    let mut unregistered = Vec::new();
    for dir in ["runtime/src/ops", "transpiler/src/ops", "cairo/src/ops", "tests/golden/cases"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("ops dir") {
            let path = entry.expect("dir entry").path();
            let file_stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            if helpers.contains(&file_stem.as_str()) {
                continue;
            }
            if !OPS.iter().any(|s| stem(s.op_type) == file_stem) {
                unregistered.push(path.display().to_string());
            }
        }
    }
    assert!(unregistered.is_empty(), "kernel files without an op table entry:\n  {}", unregistered.join("\n  "));
}
