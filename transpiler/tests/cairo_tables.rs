//! The Cairo library's constant tables equal the Rust constants they are
//! generated from. `CAIRN_BLESS=1 cargo test --test cairo_tables` rewrites them.

use std::path::Path;

use cairn_transpiler::codegen::tables::all_tables;

#[test]
fn cairo_tables_are_fresh() {
    let mut stale = Vec::new();
    for (rel, want) in all_tables() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cairo").join(rel);
        if std::env::var_os("CAIRN_BLESS").is_some() {
            std::fs::write(&path, &want).expect("write table");
        }
        let got = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale Cairo tables (regenerate with CAIRN_BLESS=1 cargo test -p cairn-transpiler --test cairo_tables):\n  {}",
        stale.join("\n  ")
    );
}
