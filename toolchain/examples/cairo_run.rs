//! Developer tool: compile a Cairo package's `#[executable]` and run it in proof
//! mode, printing the output, steps and builtin usage.
//!
//!     cargo run -p cairn-cairo --example cairo_run -- <package dir> [felt args...]

use cairn_cairo::{vm, Felt, Toolchain};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: cairo_run <package dir> [felt args...]");
        std::process::exit(2);
    };
    let felts: Vec<Felt> = args
        .map(|a| {
            let v: i128 = a.parse().unwrap_or_else(|_| panic!("not an integer: {a}"));
            if v < 0 {
                -Felt::from((-v) as u128)
            } else {
                Felt::from(v as u128)
            }
        })
        .collect();
    let tc = Toolchain::locate().unwrap_or_else(|e| panic!("{e}"));
    let t0 = std::time::Instant::now();
    let program = tc.compile_executable(dir.as_ref()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "compiled in {:.2?}: {} bytecode words, hash {:#x}",
        t0.elapsed(),
        program.bytecode.len(),
        program.program_hash
    );
    let t1 = std::time::Instant::now();
    let run = vm::run_proof_mode(&program.executable, &felts).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("ran in {:.2?}: {} steps, builtins {:?}", t1.elapsed(), run.steps, run.builtins);
    let signed: Vec<String> = run
        .output
        .iter()
        .map(|f| if *f > Felt::from(u128::MAX) { format!("-{}", -*f) } else { f.to_string() })
        .collect();
    println!("{}", signed.join(" "));
}
