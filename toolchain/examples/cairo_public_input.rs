//! Developer tool: print a proof-mode run's AIR public input and the first
//! trace rows of a package (to inspect the entry code's memory layout).
//!
//!     cargo run -p cairn-cairo --example cairo_public_input -- <package dir> [felt args...]

use cairn_cairo::{vm, Felt, Toolchain};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: cairo_public_input <package dir> [felts...]");
    let felts: Vec<Felt> = args.map(|a| Felt::from(a.parse::<u128>().expect("integer"))).collect();
    let tc = Toolchain::locate().unwrap_or_else(|e| panic!("{e}"));
    let program = tc.compile_executable(dir.as_ref()).unwrap_or_else(|e| panic!("{e}"));
    let run = vm::run_proof_mode(&program.executable, &felts).unwrap_or_else(|e| panic!("{e}"));
    let mut pi = run.public_input.clone();
    let n = pi["public_memory"].as_array().map(|a| a.len()).unwrap_or(0);
    let pm = pi["public_memory"].as_array().cloned().unwrap_or_default();
    pi["public_memory"] = serde_json::Value::String(format!("{n} entries"));
    println!("{}", serde_json::to_string_pretty(&pi).unwrap());
    println!("bytecode words: {}; steps: {}", program.bytecode.len(), run.steps);
    println!("public memory entries beyond the program:");
    for e in pm.iter().filter(|e| e["address"].as_u64().unwrap_or(0) > program.bytecode.len() as u64) {
        println!("  {e}");
    }
    println!("first rows: {:?}", &run.trace[..4.min(run.trace.len())]);
    println!("last rows: {:?}", &run.trace[run.trace.len().saturating_sub(3)..]);
    let exec = run.public_input["memory_segments"]["execution"]["begin_addr"].as_u64().unwrap_or(0) as usize;
    println!("execution segment start cells: {:?}", &run.memory[exec..exec + 6]);
}
