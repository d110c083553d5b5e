//! The Cairo library's constant tables equal the Rust constants they are
//! generated from. `CAIRN_BLESS=1 cargo test --test cairo_tables` rewrites them.

use std::path::Path;

use cairn_transpiler::codegen::tables::{render_exp2_table, EXP2_TABLE_PATH};

#[test]
fn cairo_tables_are_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cairo").join(EXP2_TABLE_PATH);
    let want = render_exp2_table();
    if std::env::var_os("CAIRN_BLESS").is_some() {
        std::fs::write(&path, &want).expect("write table");
    }
    let got = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "{} is stale: regenerate with CAIRN_BLESS=1 cargo test -p cairn-runtime --test cairo_tables",
        path.display()
    );
}
