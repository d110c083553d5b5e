//! Developer tool: run a Cairo package's `#[test]`s with cairn's toolchain.
//!
//!     cargo run -p cairn-cairo --example cairo_test -- <package dir> [filter]

use cairn_cairo::Toolchain;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: cairo_test <package dir> [filter]");
    let filter = args.next().unwrap_or_default();
    let tc = Toolchain::locate().unwrap_or_else(|e| panic!("{e}"));
    match tc.run_tests(dir.as_ref(), &filter) {
        Ok(_) => println!("all tests passed"),
        Err(e) => {
            println!("{e}");
            std::process::exit(1);
        }
    }
}
