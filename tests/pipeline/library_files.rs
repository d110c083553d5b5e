//! The Cairo library embedded in the binary (and copied into every generated
//! package) is exactly the `cairo/` package: no file missing, none stale.

use std::path::Path;

use cairn_transpiler::codegen::library::LIBRARY_FILES;

fn collect(dir: &Path, root: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).expect("read cairo dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            collect(&p, root, out);
        } else if p.extension().is_some_and(|x| x == "cairo") {
            out.push(p.strip_prefix(root).expect("under root").to_string_lossy().into_owned());
        }
    }
}

#[test]
fn embedded_library_matches_cairo_dir() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("cairo");
    let mut on_disk = Vec::new();
    collect(&root.join("src"), &root, &mut on_disk);
    on_disk.sort();
    let mut embedded: Vec<String> =
        LIBRARY_FILES.iter().map(|(p, _)| p.to_string()).filter(|p| p.ends_with(".cairo")).collect();
    embedded.sort();
    assert_eq!(embedded, on_disk, "transpiler/build.rs must embed every file of cairo/src");
    for (path, contents) in LIBRARY_FILES {
        let disk = std::fs::read_to_string(root.join(path)).expect("library file");
        assert_eq!(&disk, contents, "{path} differs from the embedded copy (rebuild)");
    }
}

/// The library's own Cairo `#[test]`s (unit tests of primitives the golden
/// vectors reach only through operators, e.g. `divide`'s agreement with
/// u128 `DivRem` and its refusals).
#[test]
#[ignore = "full tier: compiles the Cairo library (seconds)"]
fn library_unit_tests_pass_in_cairo() {
    let tc = cairn::cairo::Toolchain::locate().unwrap_or_else(|e| panic!("{e}"));
    // a failing (or wrongly passing should_panic) test is an Err
    tc.run_tests(&Path::new(env!("CARGO_MANIFEST_DIR")).join("cairo"), "").unwrap_or_else(|e| panic!("{e}"));
}
